package dev.gatebench.suites;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static dev.gatebench.threshold.GatebenchAssertions.assertThat;
import static java.time.Duration.ofSeconds;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.AllGateways;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;

/** baseline: 1 VU, 30 iterations, 1 s think time; p(95) &lt; 30 s, error rate &lt; 10 %. */
@GatewayBenchmark
@Tag("baseline")
class BaselineLatencyIT {

  @ParameterizedTest(name = "baseline latency — {0}")
  @AllGateways
  void baselineLatency(Gateway gateway, BenchmarkRunner runner) {
    RunResult result = runner.run("baseline", gateway,
        Scenario.perVuIterations(1, 30).thinkTime(ofSeconds(1)),
        Thresholds.of(Map.of(CHAT_COMPLETION_LATENCY, List.of("p(95)<30000"), ERROR_RATE, List.of("rate<0.1"))));

    assertThat(result).metric(CHAT_COMPLETION_LATENCY).percentile(95).isLessThan(ofSeconds(30));
    assertThat(result).metric(ERROR_RATE).rate().isLessThan(0.10);
  }
}
