package dev.gatebench.suites;

import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static dev.gatebench.threshold.GatebenchAssertions.assertThat;
import static java.time.Duration.ofSeconds;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.AllGateways;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.junit.RowRunner;
import dev.gatebench.junit.RowRunnerExtension;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.streaming.MockStreams;
import dev.gatebench.streaming.StreamingAssessment;
import dev.gatebench.threshold.Thresholds;
import dev.gatebench.upstream.MockUpstream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * streaming: 2 VUs for 60 s with whole answers ({@code streaming-off}), then 2 VUs for 60 s with
 * {@code stream: true} ({@code streaming}); errors &lt; 1 %; the row streams faithfully, its ITL p50
 * is within x2 of the mock's, and it hands on the deltas and usage the mock sent.
 */
@GatewayBenchmark
@ExtendWith(RowRunnerExtension.class)
@Tag("streaming")
class StreamingFidelityIT {
  private static final Scenario LOAD = Scenario.constantVus(2, ofSeconds(60));
  private static final Thresholds THRESHOLDS = Thresholds.of(Map.of(ERROR_RATE, List.of("rate<0.01")));

  @ParameterizedTest(name = "streaming fidelity — {0}")
  @AllGateways
  void streamingFidelity(Gateway gateway, RowRunner runner) {
    Assumptions.assumeTrue(runner.mock().isPresent(), "streaming fidelity is judged against the mock's counters; "
        + "run with gatebench.upstream=mock");
    MockUpstream mock = runner.mock().orElseThrow();
    runner.run("streaming-off", gateway, LOAD, false, THRESHOLDS, run -> Map.of());
    RunResult streamed = runner.run("streaming", gateway, LOAD, true, THRESHOLDS,
        run -> Map.of(StreamingAssessment.ENVIRONMENT_KEY, judge(run, mock).toMap()));
    StreamingAssessment assessment = judge(streamed, mock); // the counters still hold this run's

    assertThat(streamed).metric(ERROR_RATE).rate().isLessThan(0.01);
    runner.check("streams faithfully, ITL p50 near the mock's, deltas and usage as sent", gateway,
        assessment.failures());
  }

  private static StreamingAssessment judge(RunResult run, MockUpstream mock) {
    return StreamingAssessment.judge(run, MockStreams.of(mock.latency(), mock.counters()));
  }
}
