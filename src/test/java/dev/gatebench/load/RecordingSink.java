package dev.gatebench.load;

import dev.gatebench.metrics.MetricsSink;
import dev.gatebench.metrics.RequestOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A MetricsSink test double that keeps everything it is told. */
class RecordingSink implements MetricsSink {
  final List<RequestOutcome> outcomes = new CopyOnWriteArrayList<>();
  final AtomicInteger started = new AtomicInteger();
  final AtomicInteger dropped = new AtomicInteger();
  final List<Long> lagsNanos = new CopyOnWriteArrayList<>();
  volatile int lastAllocatedVus;

  @Override
  public void record(RequestOutcome outcome) {
    outcomes.add(outcome);
  }

  @Override
  public void requestStarted() {
    started.incrementAndGet();
  }

  @Override
  public void droppedIteration() {
    dropped.incrementAndGet();
  }

  @Override
  public void scheduleLag(long lagNanos) {
    lagsNanos.add(lagNanos);
  }

  @Override
  public void vus(int active, int allocated) {
    lastAllocatedVus = allocated;
  }
}
