package dev.gatebench.suites;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static java.time.Duration.ofMillis;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.EveryGateway;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.Stage;
import dev.gatebench.run.Suite;
import org.junit.jupiter.api.Tag;

/** throughput: ramp to 5, 10, 20, 30, 50 VUs, hold, ramp down; 0.5 s think time; p(95) &lt; 60 s, errors &lt; 20 %. */
@GatewayBenchmark
@Tag("throughput")
class ThroughputRampIT {
  static final Suite SUITE = Suite.of(Scenario.rampingVus(1,
              Stage.of("30s", 5), Stage.of("1m", 10), Stage.of("1m", 20), Stage.of("1m", 30),
              Stage.of("1m", 50), Stage.of("30s", 50), Stage.of("30s", 0))
          .thinkTime(ofMillis(500)))
      .threshold(CHAT_COMPLETION_LATENCY, "p(95)<60000")
      .threshold(ERROR_RATE, "rate<0.2");

  @EveryGateway
  void run(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }
}
