package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.RequestOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefusalsTest {
  private static final long MS = 1_000_000L;
  private static final long T0 = 10_000 * MS;

  private final Refusals refusals = new Refusals();

  private static RequestOutcome refused(long endNanos) {
    return RequestOutcome.failed(endNanos - MS, endNanos - MS, endNanos, 0, ErrorKind.CONNECT_REFUSED);
  }

  private static RequestOutcome answered(long endNanos, int status) {
    ErrorKind error = status == 200 ? null : ErrorKind.HTTP_STATUS;
    return new RequestOutcome(endNanos - 50 * MS, endNanos - 50 * MS, endNanos - 10 * MS, RequestOutcome.UNSET,
        endNanos, null, 0, status, error);
  }

  private static RequestOutcome reset(long endNanos) {
    return RequestOutcome.failed(endNanos - MS, endNanos - MS, endNanos, 0, ErrorKind.RESET);
  }

  @Test
  void countsFromTheFirstRefusalAfterTheLastAnswer() {
    refusals.record(answered(T0, 200));
    refusals.record(refused(T0 + 100 * MS));
    refusals.record(refused(T0 + 1_100 * MS));

    assertThat(refusals.refusedFor(T0 + 3_100 * MS)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void anAnswerOfAnyStatusEndsTheStreak() {
    refusals.record(refused(T0));
    refusals.record(answered(T0 + 500 * MS, 500));

    assertThat(refusals.refusedFor(T0 + 5_000 * MS)).as("a 500 means something listens").isZero();
  }

  @Test
  void anAnswerThatEndedBeforeTheStreakArrivingLateDoesNotEndIt() {
    refusals.record(refused(T0 + 1_000 * MS));
    refusals.record(answered(T0, 200)); // recorded on another event loop, after the refusal

    assertThat(refusals.refusedFor(T0 + 4_000 * MS)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aRefusalArrivingLateFromBeforeTheLastAnswerStartsNothing() {
    refusals.record(answered(T0 + 1_000 * MS, 200));
    refusals.record(refused(T0));

    assertThat(refusals.refusedFor(T0 + 5_000 * MS)).isZero();
  }

  @Test
  void resetsNeitherStartNorEndTheStreak() {
    refusals.record(reset(T0));
    assertThat(refusals.refusedFor(T0 + 5_000 * MS)).as("in-flight requests cut by the death").isZero();

    refusals.record(refused(T0 + 100 * MS));
    refusals.record(reset(T0 + 200 * MS));

    assertThat(refusals.refusedFor(T0 + 3_100 * MS)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theRuleFiresOnceTheStreakLastsDeadAfter() {
    AbortSignal rule = AbortSignal.whenRefusedFor(Duration.ofSeconds(3));

    assertThat(rule.reason(new AbortSignal.Traffic(Duration.ofSeconds(9), Duration.ofMillis(2_999)))).isEmpty();
    assertThat(rule.reason(new AbortSignal.Traffic(Duration.ofSeconds(9), Duration.ofMillis(3_200))))
        .contains("every connection was refused for 3.2 s");
  }

  @Test
  void rejectsADeadAfterThatIsNotPositive() {
    assertThatThrownBy(() -> AbortSignal.whenRefusedFor(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadAfter must be > 0 but was PT0S");
  }
}
