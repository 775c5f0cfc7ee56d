package dev.gatebench.load;

import dev.gatebench.metrics.MetricsSink;
import dev.gatebench.metrics.RequestOutcome;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * per-vu-iterations, shared-iterations, constant-vus and ramping-vus: a VU starts its next
 * iteration as soon as the previous one (request and think time) ended, so latency is measured
 * from the actual start. VU {@code i} runs while {@code i <} the scheduled VU count; a VU ramped
 * down finishes its iteration, or is interrupted after {@code gracefulRampDown}.
 */
final class ClosedModel extends Execution {
  private final VuSchedule schedule;
  private final AtomicLong sharedIterationsLeft;
  private volatile int targetVus;

  ClosedModel(Scenario scenario, MetricsSink sink, EventLoop control, VuFactory vuFactory) {
    super(scenario, sink, control, vuFactory);
    this.schedule = VuSchedule.of(scenario);
    this.sharedIterationsLeft = new AtomicLong(scenario.iterations());
  }

  @Override
  void started() {
    for (int i = 0; i < scenario.peakVus(); i++) addVu();
    sink.vus(0, allocatedVus());
    busyVus.incrementAndGet(); // holds the run open while the first VUs are woken
    for (VuSchedule.Step step : schedule.steps()) {
      if (step.offsetNanos() == 0) applyTarget(step.vus());
      else control.schedule(() -> applyTarget(step.vus()), step.offsetNanos(), TimeUnit.NANOSECONDS);
    }
    vuIdle();
  }

  private void applyTarget(int vusWanted) {
    if (stopping) return;
    int before = targetVus;
    targetVus = vusWanted;
    for (int id = before; id < vusWanted; id++) wake(vus.get(id));
    if (vusWanted < before) {
      control.schedule(() -> interruptRampedDown(vusWanted, before), scenario.gracefulRampDown().toNanos(),
          TimeUnit.NANOSECONDS);
    }
  }

  private void wake(Vu vu) {
    if (mayRun(vu) && vu.claim()) {
      busyVus.incrementAndGet();
      vu.loop().execute(() -> next(vu));
    }
  }

  private void interruptRampedDown(int fromId, int toId) {
    for (int id = fromId; id < toId; id++) {
      Vu vu = vus.get(id);
      if (id >= targetVus) vu.loop().execute(vu::abort);
    }
  }

  @Override
  void afterIteration(Vu vu) {
    next(vu);
  }

  /** On the VU's loop: start its next iteration, or park it until the target rises again. */
  private void next(Vu vu) {
    if (mayRun(vu) && takeIteration(vu)) {
      vu.start(RequestOutcome.UNSET);
      return;
    }
    vu.release();
    vuIdle();
    if (mayRun(vu) && iterationLeft(vu)) wake(vu);
  }

  private boolean mayRun(Vu vu) {
    return !stopping && vu.id < targetVus;
  }

  private boolean iterationLeft(Vu vu) {
    return switch (scenario.executor()) {
      case PER_VU_ITERATIONS -> vu.iterationsStarted < scenario.iterations();
      case SHARED_ITERATIONS -> sharedIterationsLeft.get() > 0;
      default -> true;
    };
  }

  private boolean takeIteration(Vu vu) {
    if (scenario.executor() == Executor.SHARED_ITERATIONS) return sharedIterationsLeft.getAndDecrement() > 0;
    return iterationLeft(vu);
  }

  @Override
  boolean allIterationsDone() {
    return switch (scenario.executor()) {
      case PER_VU_ITERATIONS, SHARED_ITERATIONS -> true;
      default -> false;
    };
  }
}
