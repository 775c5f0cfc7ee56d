package dev.gatebench.load;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.RunResult;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The driver's own overhead against the mock upstream: what it adds to a known 20 ms answer. */
class MockUpstreamAccuracyTest {

  @Test
  void anOpenModelAt200PerSecondMeasuresAFixed20MsAnswerAsAbout20Ms() {
    try (MockUpstream mock = MockUpstream.builder()
        .latency(LatencyProfile.fixed(Duration.ofMillis(20), Duration.ZERO)).outputTokens(1).ioThreads(1).start()) {
      Target target = Target.of("direct", mock.baseUrl() + "/v1/chat/completions");
      LoadEngine engine = new LoadEngine(ChatRequestFactory.of("gpt-4o-mini", 1, 0, false), Duration.ofSeconds(10), 1);

      RunResult result = StandardMetrics.runner(engine).run("accuracy", target,
          Scenario.constantArrivalRate(200, Duration.ofSeconds(1), Duration.ofSeconds(3)).preAllocatedVus(20).maxVus(200));

      assertThat(result.metric(ERROR_RATE).orElseThrow().values()).containsEntry("rate", 0.0);
      assertThat(result.metric(CHAT_COMPLETION_LATENCY).orElseThrow().values().get("med"))
          .as("p50 in ms: the mock's 20 ms plus the driver and loopback").isBetween(20.0, 22.0);
    }
  }
}
