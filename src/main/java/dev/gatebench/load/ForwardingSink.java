package dev.gatebench.load;

import dev.gatebench.metrics.MetricsSink;
import dev.gatebench.metrics.RequestOutcome;

/**
 * A {@link MetricsSink} that passes every call on to {@link #delegate()}; an implementation overrides
 * only the calls it also watches, e.g. {@link Refusals} the outcomes. As cheap as the delegate: it
 * allocates nothing.
 */
interface ForwardingSink extends MetricsSink {
  /** Where every call goes. */
  MetricsSink delegate();

  @Override
  default void record(RequestOutcome outcome) {
    delegate().record(outcome);
  }

  @Override
  default void requestStarted() {
    delegate().requestStarted();
  }

  @Override
  default void droppedIteration() {
    delegate().droppedIteration();
  }

  @Override
  default void scheduleLag(long lagNanos) {
    delegate().scheduleLag(lagNanos);
  }

  @Override
  default void vus(int active, int allocated) {
    delegate().vus(active, allocated);
  }
}
