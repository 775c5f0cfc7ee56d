package dev.gatebench.suites;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static dev.gatebench.threshold.GatebenchAssertions.assertThat;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.AllGateways;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.Stage;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;

/** throughput: ramp to 5, 10, 20, 30, 50 VUs, hold, ramp down; 0.5 s think time; p(95) &lt; 60 s, errors &lt; 20 %. */
@GatewayBenchmark
@Tag("throughput")
class ThroughputRampIT {

  @ParameterizedTest(name = "throughput ramp — {0}")
  @AllGateways
  void throughputRamp(Gateway gateway, BenchmarkRunner runner) {
    RunResult result = runner.run("throughput", gateway,
        Scenario.rampingVus(1,
                Stage.of("30s", 5), Stage.of("1m", 10), Stage.of("1m", 20), Stage.of("1m", 30),
                Stage.of("1m", 50), Stage.of("30s", 50), Stage.of("30s", 0))
            .thinkTime(ofMillis(500)),
        Thresholds.of(Map.of(CHAT_COMPLETION_LATENCY, List.of("p(95)<60000"), ERROR_RATE, List.of("rate<0.2"))));

    assertThat(result).metric(CHAT_COMPLETION_LATENCY).percentile(95).isLessThan(ofSeconds(60));
    assertThat(result).metric(ERROR_RATE).rate().isLessThan(0.20);
  }
}
