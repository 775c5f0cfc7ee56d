package dev.gatebench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class SweepTest {
  private static final SweepPlan PLAN = new SweepPlan(5, 2.0, Duration.ofSeconds(2), 80);
  private static final KneeRule RULE = KneeRule.DEFAULT;

  @Test
  void ratesGrowByTheFactorUpToTheMaximum() {
    assertThat(PLAN.rates()).containsExactly(5L, 10L, 20L, 40L, 80L);
    assertThat(new SweepPlan(5, 1.5, Duration.ofSeconds(2), 30).rates()).containsExactly(5L, 8L, 12L, 18L, 27L);
  }

  @Test
  void aScaledPlanKeepsItsRatesAndNeverStepsShorterThanTwoSeconds() {
    assertThat(SweepPlan.DEFAULT.scaled(0.05).step()).isEqualTo(Duration.ofSeconds(2));
    assertThat(SweepPlan.DEFAULT.scaled(0.5).step()).isEqualTo(Duration.ofSeconds(10));
    assertThat(SweepPlan.DEFAULT.scaled(0.05).rates()).isEqualTo(SweepPlan.DEFAULT.rates());
  }

  @Test
  void rejectsAFactorThatWouldNeverRaiseTheRate() {
    assertThatThrownBy(() -> new SweepPlan(5, 1.0, Duration.ofSeconds(2), 80))
        .hasMessage("gatebench.capacity.factor must be > 1 but was 1.0");
  }

  @Test
  void theReferenceRowRunsToTheMaximumWhateverItsLatency() {
    Sweep direct = Sweep.reference("json", PLAN, RULE, rate -> run(rate, 100 + rate * 10, 0, 0));

    assertThat(direct.steps()).extracting(CapacityStep::withinBound).containsOnly(true);
    assertThat(direct.sustainableRate()).hasValue(80);
    assertThat(direct.endedBecause()).isEqualTo("reached the plan's maximum rate 80/s");
  }

  @Test
  void aGatewayPastItsKneeStopsAfterTwoStepsAboveTheBoundAndKeepsTheLastRateThatHeldIt() {
    Sweep direct = Sweep.reference("json", PLAN, RULE, rate -> run(rate, 130, 0, 0));
    List<Long> ran = new ArrayList<>();

    Sweep gateway = Sweep.against(direct, PLAN, RULE, recording(ran, rate -> run(rate, rate <= 10 ? 150 : 400, 0, 0)));

    assertThat(ran).as("rates run").containsExactly(5L, 10L, 20L, 40L);
    assertThat(gateway.sustainableRate()).hasValue(10);
    assertThat(gateway.steps().get(2).note()).isEqualTo("p99 400.0 ms is 270.0 ms over Direct's 130.0 ms, above the 50 ms bound");
  }

  @Test
  void oneNoisyStepBetweenStepsWithinTheBoundDoesNotEndTheSweep() {
    Sweep direct = Sweep.reference("json", PLAN, RULE, rate -> run(rate, 130, 0, 0));

    Sweep gateway = Sweep.against(direct, PLAN, RULE, rate -> run(rate, rate == 10 ? 300 : 140, 0, 0));

    assertThat(gateway.steps()).hasSize(5);
    assertThat(gateway.sustainableRate()).hasValue(80);
  }

  @Test
  void errorsAndDroppedArrivalsPutAStepPastTheKneeWhateverItsLatency() {
    Sweep direct = Sweep.reference("json", PLAN, RULE, rate -> run(rate, 130, rate >= 20 ? 3 : 0, 0));
    Sweep gateway = Sweep.against(direct, new SweepPlan(5, 2.0, Duration.ofSeconds(2), 10), RULE,
        rate -> run(rate, 131, 0, rate == 5 ? 2 : 0));

    assertThat(direct.sustainableRate()).hasValue(10);
    assertThat(direct.steps().get(2).note()).isEqualTo("3 of 40 requests failed (allowed 0.0%)");
    assertThat(gateway.steps().get(0).note()).isEqualTo("2 arrivals dropped: every VU was busy");
  }

  @Test
  void aRowWhoseFirstStepAlreadyMissesTheBoundFailsTheCapacityCheck() {
    Sweep direct = Sweep.reference("json", PLAN, RULE, rate -> run(rate, 130, 0, 0));
    Sweep serial = Sweep.against(direct, PLAN, RULE, rate -> run(rate, 2000, 0, 0));
    CapacityResult result = new CapacityResult(PLAN, RULE, List.of(serial));

    assertThat(serial.sustainableRate()).isEqualTo(OptionalLong.empty());
    assertThat(result.failures(5)).containsExactly("json: held the 50 ms bound over Direct up to 0/s, below the "
        + "required 5/s; first step past it: p99 2000.0 ms is 1870.0 ms over Direct's 130.0 ms, above the 50 ms bound");
  }

  @Test
  void theRecordedBlockReadsBackIntoTheSameSweeps() {
    Sweep direct = Sweep.reference("stream", PLAN, RULE, rate -> run(rate, 130, 0, 0));
    CapacityResult result = new CapacityResult(PLAN, RULE, List.of(direct));
    RunResult withBlock = run(5, 130, 0, 0).withEnvironment(Map.of(CapacityResult.ENVIRONMENT_KEY, result.toMap()));

    assertThat(CapacityResult.recordedSweeps(withBlock)).containsExactly(direct);
    assertThat(CapacityResult.recordedBoundMs(withBlock)).isEqualTo(50.0);
  }

  private static LongFunction<RunResult> recording(List<Long> ran, LongFunction<RunResult> step) {
    return rate -> {
      ran.add(rate);
      return step.apply(rate);
    };
  }

  /** A step of {@code rate}/s for 2 s: p50 at 80 % of p99. */
  static RunResult run(long rate, double p99Ms, long failed, long dropped) {
    double requests = rate * 2.0;
    Map<String, MetricSummary> metrics = Map.of(
        MetricNames.REQUESTS_TOTAL, counter(requests),
        MetricNames.REQUESTS_FAILED, counter(failed),
        MetricNames.DROPPED_ITERATIONS, counter(dropped),
        MetricNames.CHAT_COMPLETION_LATENCY, new MetricSummary("trend", "time",
            Map.of("med", p99Ms * 0.8, "p(99)", p99Ms, "count", requests - failed), null));
    return new RunResult("capacity", "row", Instant.EPOCH, 2000, metrics, List.of(), Map.of(), Map.of(), Map.of(),
        Map.of());
  }

  private static MetricSummary counter(double count) {
    return new MetricSummary("counter", "default", Map.of("count", count, "rate", count / 2), null);
  }
}
