package dev.gatebench.suites;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static dev.gatebench.threshold.GatebenchAssertions.assertThat;
import static java.time.Duration.ofMinutes;
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

/** sustained: 10 VUs for 10 minutes, 1 s think time; p(95) &lt; 45 s, error rate &lt; 10 %. */
@GatewayBenchmark
@Tag("sustained")
class SustainedLoadIT {

  @ParameterizedTest(name = "sustained load — {0}")
  @AllGateways
  void sustainedLoad(Gateway gateway, BenchmarkRunner runner) {
    RunResult result = runner.run("sustained", gateway,
        Scenario.constantVus(10, ofMinutes(10)).thinkTime(ofSeconds(1)),
        Thresholds.of(Map.of(CHAT_COMPLETION_LATENCY, List.of("p(95)<45000"), ERROR_RATE, List.of("rate<0.1"))));

    assertThat(result).metric(CHAT_COMPLETION_LATENCY).percentile(95).isLessThan(ofSeconds(45));
    assertThat(result).metric(ERROR_RATE).rate().isLessThan(0.10);
  }
}
