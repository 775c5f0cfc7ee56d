package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mock keeps its own account of how late it wrote each streamed delta. */
class SendLatenessTest {

  private static final String STREAM = "{\"model\":\"m\",\"stream\":true,\"messages\":[]}";

  @Test
  void countsFirstAndLaterDeltasOfStreamsOnlyAndResets() {
    try (MockUpstream mock = MockUpstream.builder().outputTokens(5)
        .latency(LatencyProfile.fixed(Duration.ofMillis(20), Duration.ofMillis(5))).start()) {
      Http.post(mock.baseUrl(), "/v1/chat/completions", STREAM);
      Http.post(mock.baseUrl(), "/v1/messages", STREAM);
      Http.post(mock.baseUrl(), "/v1/chat/completions", Http.OPENAI_BODY);

      assertThat(mock.sendLateness().firstDelta().getTotalCount()).as("first deltas of 2 streams").isEqualTo(2);
      assertThat(mock.sendLateness().laterDeltas().getTotalCount()).as("2 x 4 later deltas").isEqualTo(8);
      assertThat(mock.sendLateness().laterDeltas().getMaxValue()).as("µs late, on a shared machine")
          .isLessThan(Duration.ofSeconds(1).toNanos() / 1000);
      mock.sendLateness().reset();
      assertThat(mock.sendLateness().firstDelta().getTotalCount()).as("after reset").isZero();
    }
  }

  @Test
  void aWindowLineDescribesTheDeltasSinceThePreviousOne() {
    try (MockUpstream mock = MockUpstream.builder().outputTokens(3).start()) {
      Http.post(mock.baseUrl(), "/v1/messages", STREAM);

      assertThat(mock.sendLateness().windowLine()).startsWith("first deltas 1: p50 ").contains("; later deltas 2: p50 ");
      assertThat(mock.sendLateness().windowLine()).as("the next window").startsWith("first deltas 0: ");
    }
  }
}
