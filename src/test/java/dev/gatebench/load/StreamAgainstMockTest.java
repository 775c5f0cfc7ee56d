package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.RequestOutcome;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Against the mock alone (the Direct row), the client tells the first byte from the first token:
 * the mock sends its headers and opening chunk at once, so TTFB is the loopback round trip and
 * TTFT the mock's configured TTFT.
 */
class StreamAgainstMockTest {

  private static final long MS = 1_000_000L;
  private static final Duration TTFT = Duration.ofMillis(80);

  @Test
  void timeToFirstByteIsTheRoundTripAndTimeToFirstTokenTheMocksTtft() throws Exception {
    try (MockUpstream mock = MockUpstream.builder().outputTokens(10).ioThreads(1)
        .latency(LatencyProfile.fixed(TTFT, Duration.ofMillis(2))).start()) {
      RecordingSink sink = new RecordingSink();
      LoadEngine engine = new LoadEngine(ChatRequestFactory.of("gpt-4o-mini", 10, 0, true), Duration.ofSeconds(10), 1);
      engine.start(Scenario.perVuIterations(2, 6), Target.of("direct", mock.baseUrl() + "/v1/chat/completions"), sink)
          .finished().get(30, TimeUnit.SECONDS);

      assertThat(sink.outcomes).as("12 requests").hasSize(12).allMatch(RequestOutcome::success);
      // Medians: other builds share this machine's two cores.
      assertThat(median(sink, RequestOutcome::timeToFirstByteNanos)).as("TTFB ns, loopback only").isLessThan(10 * MS);
      assertThat(median(sink, RequestOutcome::timeToFirstTokenNanos)).as("TTFT ns, mock set to %s", TTFT)
          .isBetween(TTFT.toNanos(), TTFT.toNanos() + 10 * MS);
      assertThat(sink.outcomes).as("10 deltas each, the role chunk not counted")
          .allMatch(o -> o.outputTokens() == 10 && o.tokenGapsNanos().length == 9);
    }
  }

  private static long median(RecordingSink sink, ToLongFunction<RequestOutcome> metric) {
    long[] values = sink.outcomes.stream().mapToLong(metric).sorted().toArray();
    return values[values.length / 2];
  }
}
