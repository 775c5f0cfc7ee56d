package dev.gatebench.load;

import dev.gatebench.metrics.MetricsSink;
import io.netty.channel.EventLoop;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * constant-arrival-rate and ramping-arrival-rate: iterations start on the {@link ArrivalSchedule}
 * whether or not earlier ones finished, each on a free VU. Latency counts from the scheduled
 * arrival, so a late start (busy loop, slow server) shows in the numbers instead of hiding
 * (coordinated-omission correction, as wrk2). With no free VU a new one is made up to
 * {@code maxVUs} (cheap here, unlike k6's JS VMs); beyond that the iteration is dropped.
 */
final class OpenModel extends Execution {
  private final ArrivalSchedule schedule;
  private final Queue<Vu> idle = new ConcurrentLinkedQueue<>();
  private final Runnable tick = this::tick;
  private final Runnable approach = this::approach;
  private final Pacer pacer;
  private long nextArrivalNanos;

  OpenModel(Scenario scenario, MetricsSink sink, EventLoop control, VuFactory vuFactory, Pacer pacer) {
    super(scenario, sink, control, vuFactory);
    this.pacer = pacer;
    this.schedule = ArrivalSchedule.of(scenario);
  }

  @Override
  void started() {
    for (int i = 0; i < scenario.preAllocatedVus(); i++) idle.add(addVu());
    sink.vus(0, allocatedVus());
    nextArrivalNanos = schedule.next();
    tick();
  }

  /** On the control loop: start every arrival that is due, then sleep until just before the next one. */
  private void tick() {
    long nowNanos = System.nanoTime();
    while (nextArrivalNanos != ArrivalSchedule.END && !stopping && startNanos + nextArrivalNanos <= nowNanos) {
      dispatch(startNanos + nextArrivalNanos);
      nextArrivalNanos = schedule.next();
    }
    if (nextArrivalNanos != ArrivalSchedule.END && !stopping) {
      long waitNanos = startNanos + nextArrivalNanos - nowNanos;
      long leadNanos = Pacer.lead(waitNanos);
      control.schedule(leadNanos == 0 ? tick : approach, waitNanos - leadNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Woken {@link Pacer#lead} before the next arrival: the loops poll until it is due, then it starts. */
  private void approach() {
    if (stopping) return;
    long dueNanos = startNanos + nextArrivalNanos;
    pacer.pollUntil(dueNanos);
    control.schedule(tick, dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  private void dispatch(long intendedStartNanos) {
    Vu vu = idle.poll();
    if (vu == null && allocatedVus() < scenario.maxVus()) vu = addVu();
    if (vu == null) {
      sink.droppedIteration();
      return;
    }
    busyVus.incrementAndGet();
    Vu chosen = vu;
    chosen.loop().execute(() -> chosen.start(intendedStartNanos));
  }

  @Override
  void afterIteration(Vu vu) {
    idle.add(vu);
    vuIdle();
  }
}
