package dev.gatebench.suites;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.EveryGateway;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.load.Scenario;
import dev.gatebench.run.Suite;
import org.junit.jupiter.api.Tag;

/** sustained: 10 VUs for 10 minutes, 1 s think time; p(95) &lt; 45 s, error rate &lt; 10 %. */
@GatewayBenchmark
@Tag("sustained")
class SustainedLoadIT {
  static final Suite SUITE = Suite.of(Scenario.constantVus(10, ofMinutes(10)).thinkTime(ofSeconds(1)))
      .threshold(CHAT_COMPLETION_LATENCY, "p(95)<45000")
      .threshold(ERROR_RATE, "rate<0.1");

  @EveryGateway
  void run(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }
}
