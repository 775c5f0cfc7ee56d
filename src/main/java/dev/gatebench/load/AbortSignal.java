package dev.gatebench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reason to end a run before its schedule, asked by {@link LoadRunner} once a second, e.g. "the
 * target's process exited". When it gives one, the run ends at once (running requests are
 * interrupted), the reason is printed, and the result is still returned with
 * {@code environment.abortedBy} set to it, as k6 marks a run ended by an abortOnFail threshold.
 * This package knows nothing of what the target is: the caller says what a dead target looks like,
 * from what the runner saw of the traffic ({@link Traffic}) and whatever it knows itself.
 *
 * <p>Called on the runner's thread; it must answer quickly (well under a second) and not throw.
 */
@FunctionalInterface
public interface AbortSignal {
  /** Never ends a run. */
  AbortSignal NONE = traffic -> Optional.empty();

  /**
   * Why the run must end now, e.g. {@code every connection was refused for 3.0 s}; empty to go on.
   *
   * @param traffic what the runner has seen of the traffic so far
   */
  Optional<String> reason(Traffic traffic);

  /**
   * The "dead target" rule: ends the run once every request has been refused a connection for
   * {@code deadAfter}, i.e. nothing listens on the target's port any more. A request that got any
   * answer (a status, even 500) ends the streak; resets and timeouts neither start nor end it.
   *
   * @param deadAfter > 0; e.g. 3 s, long enough that a gateway restarting its listener is not
   *     called dead, short enough that a dead one is noticed within seconds
   */
  static AbortSignal whenRefusedFor(Duration deadAfter) {
    Objects.requireNonNull(deadAfter, "deadAfter");
    if (deadAfter.isNegative() || deadAfter.isZero()) {
      throw new IllegalArgumentException("deadAfter must be > 0 but was " + deadAfter);
    }
    return traffic -> traffic.refusedFor().compareTo(deadAfter) >= 0
        ? Optional.of(String.format(Locale.ROOT, "every connection was refused for %.1f s",
            traffic.refusedFor().toMillis() / 1000.0))
        : Optional.empty();
  }

  /**
   * What the runner saw of the traffic at one tick.
   *
   * @param elapsed time since the run started, >= 0
   * @param refusedFor how long every request ending since has been refused a connection (counted
   *     from the first refusal after the last answered request); zero when the last one was answered
   */
  record Traffic(Duration elapsed, Duration refusedFor) {
    public Traffic {
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(refusedFor, "refusedFor");
      if (elapsed.isNegative()) throw new IllegalArgumentException("elapsed must be >= 0 but was " + elapsed);
      if (refusedFor.isNegative()) throw new IllegalArgumentException("refusedFor must be >= 0 but was " + refusedFor);
    }
  }
}
