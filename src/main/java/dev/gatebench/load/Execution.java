package dev.gatebench.load;

import dev.gatebench.metrics.MetricsSink;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every executor shares: its VUs, the count of VUs inside an iteration, and the end of the
 * run: at the scheduled end no iteration starts, running ones get {@code gracefulStop} to
 * finish, then they are interrupted. Timers run on one control loop.
 */
abstract class Execution implements Vu.Owner {
  final Scenario scenario;
  final MetricsSink sink;
  final EventLoop control;
  final List<Vu> vus = new CopyOnWriteArrayList<>();
  final AtomicInteger busyVus = new AtomicInteger();
  private final AtomicLong iterationsEnded = new AtomicLong();
  final CompletableFuture<Void> finished = new CompletableFuture<>();
  volatile boolean stopping;
  long startNanos;
  private final VuFactory vuFactory;
  private ScheduledFuture<?> stopTimer;
  private ScheduledFuture<?> interruptTimer;

  Execution(Scenario scenario, MetricsSink sink, EventLoop control, VuFactory vuFactory) {
    this.scenario = scenario;
    this.sink = sink;
    this.control = control;
    this.vuFactory = vuFactory;
  }

  /** Starts the executor now; returns at once. */
  final void begin() {
    control.execute(() -> {
      startNanos = System.nanoTime();
      stopTimer = control.schedule(this::stop, scenario.scheduledDuration().toNanos(), TimeUnit.NANOSECONDS);
      started();
    });
  }

  /** Called on the control loop right after {@link #startNanos} is set. */
  abstract void started();

  @Override
  public final void iterationEnded(Vu vu) {
    iterationsEnded.incrementAndGet();
    afterIteration(vu);
  }

  /** On the VU's loop, after one of its iterations ended, normally or interrupted. */
  abstract void afterIteration(Vu vu);

  Vu addVu() {
    Vu vu = vuFactory.create(vus.size(), this);
    vus.add(vu);
    return vu;
  }

  /** No new iterations; running ones get gracefulStop, then are interrupted. Idempotent. */
  final void stop() {
    onControl(() -> {
      if (stopping) return;
      stopping = true;
      stopTimer.cancel(false);
      if (busyVus.get() == 0) finish();
      else interruptTimer = control.schedule(this::interruptAll, scenario.gracefulStop().toNanos(), TimeUnit.NANOSECONDS);
    });
  }

  /** Stops now, interrupting running iterations (abortOnFail, or the runner's safety bound). */
  final void abort() {
    onControl(() -> {
      stopping = true;
      if (stopTimer != null) stopTimer.cancel(false);
      if (busyVus.get() == 0) finish();
      else interruptAll();
    });
  }

  /** Runs on the control loop unless the run already ended (its loops may be gone). */
  private void onControl(Runnable task) {
    if (finished.isDone()) return;
    try {
      control.execute(task);
    } catch (RejectedExecutionException ended) {
      // the event loops shut down after the run finished: nothing left to stop
    }
  }

  private void interruptAll() {
    for (Vu vu : vus) vu.loop().execute(vu::abort);
  }

  /** A VU left its iteration for good; the run ends when the last one does after the stop. */
  final void vuIdle() {
    if (busyVus.decrementAndGet() == 0 && (stopping || allIterationsDone())) control.execute(this::finish);
  }

  /** Iteration-count executors end early once every iteration ran. */
  boolean allIterationsDone() {
    return false;
  }

  private void finish() {
    if (finished.isDone() || busyVus.get() != 0) return;
    stopping = true;
    if (stopTimer != null) stopTimer.cancel(false);
    if (interruptTimer != null) interruptTimer.cancel(false);
    for (Vu vu : vus) vu.loop().execute(vu::shutdown);
    vuFactory.transport().cpu().sample(); // the loops still run: their CPU time is readable until closed
    finished.complete(null);
  }

  long iterationsEnded() {
    return iterationsEnded.get();
  }

  int activeVus() {
    return busyVus.get();
  }

  int allocatedVus() {
    return vus.size();
  }
}
