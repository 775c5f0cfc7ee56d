package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The seeded fault plan injects each fault at its rate, reproducibly. */
class FaultPlanTest {

  @Test
  void injectsAFivePercentServerErrorRateWithinHalfAPercentOverTenThousandRequests() {
    FaultPlan plan = FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.05);

    long errors = LongStream.range(0, 10_000).filter(i -> plan.decide(42, i).isPresent()).count();

    assertThat(errors / 10_000.0).isCloseTo(0.05, within(0.005));
  }

  @Test
  void holdsTheRateForOtherSeedsToo() {
    FaultPlan plan = FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.05);
    for (long seed = 1; seed <= 5; seed++) {
      long currentSeed = seed;
      long errors = LongStream.range(0, 10_000).filter(i -> plan.decide(currentSeed, i).isPresent()).count();
      assertThat(errors / 10_000.0).as("seed %d", seed).isCloseTo(0.05, within(0.01));
    }
  }

  @Test
  void splitsDrawsBetweenSeveralFaultsByTheirRates() {
    FaultPlan plan = FaultPlan.none().with(FaultKind.RATE_LIMIT, 0.10).with(FaultKind.CONNECTION_RESET, 0.20);

    long limited = LongStream.range(0, 10_000).filter(i -> plan.decide(7, i).equals(java.util.Optional.of(FaultKind.RATE_LIMIT))).count();
    long resets = LongStream.range(0, 10_000).filter(i -> plan.decide(7, i).equals(java.util.Optional.of(FaultKind.CONNECTION_RESET))).count();

    assertThat(limited / 10_000.0).isCloseTo(0.10, within(0.01));
    assertThat(resets / 10_000.0).isCloseTo(0.20, within(0.01));
  }

  @Test
  void decidesTheSameFaultsForTheSameSeedAndDifferentOnesForAnotherSeed() {
    FaultPlan plan = FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.5);

    String first = pattern(plan, 42);
    assertThat(pattern(plan, 42)).isEqualTo(first);
    assertThat(pattern(plan, 43)).isNotEqualTo(first);
  }

  @Test
  void injectsNothingWithoutRates() {
    assertThat(LongStream.range(0, 1_000).filter(i -> FaultPlan.none().decide(1, i).isPresent()).count()).isZero();
  }

  @Test
  void rejectsARateOutsideZeroToOne() {
    assertThatThrownBy(() -> FaultPlan.none().with(FaultKind.SERVER_ERROR, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fault rate of 500 must be in [0, 1] but was 1.5");
  }

  @Test
  void rejectsRatesSummingAboveOne() {
    assertThatThrownBy(() -> FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.6).with(FaultKind.STALL, 0.6))
        .hasMessageStartingWith("fault rates must sum to <= 1 but summed to 1.2");
  }

  @Test
  void rejectsANegativeStall() {
    assertThatThrownBy(() -> FaultPlan.none().withStall(Duration.ofSeconds(-1), false))
        .hasMessage("fault plan stall must be >= 0 but was PT-1S");
  }

  @Test
  void describesItselfWithShortNames() {
    Map<String, Object> description = FaultPlan.none().with(FaultKind.OVERLOADED, 0.01).describe();

    assertThat(description).containsEntry("rates", Map.of("529", 0.01)).containsEntry("stallMs", 5000L);
  }

  @Test
  void parsesFaultNamesCaseInsensitivelyAndNamesTheChoicesOtherwise() {
    assertThat(FaultKind.parse("RESET")).isEqualTo(FaultKind.CONNECTION_RESET);
    assertThat(FaultKind.parse("rate_limit")).isEqualTo(FaultKind.RATE_LIMIT);
    assertThatThrownBy(() -> FaultKind.parse("418"))
        .hasMessage("unknown fault '418'; use one of 429, 500, 529, reset, disconnect, stall, malformed, 400, 401");
  }

  private static String pattern(FaultPlan plan, long seed) {
    StringBuilder bits = new StringBuilder();
    for (long i = 0; i < 64; i++) {
      bits.append(plan.decide(seed, i).isPresent() ? '1' : '0');
    }
    return bits.toString();
  }
}
