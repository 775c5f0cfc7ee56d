package dev.gatebench.streaming;

import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockCounters;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the mock promised and sent during one streamed run: the ground truth a row is judged by.
 * The mock sends headers and opening events at once, the first content delta at {@code ttft},
 * then one delta every {@code itl}.
 *
 * @param ttft the mock's time to first token (median of its profile), > 0; e.g. 250 ms
 * @param itl the mock's inter-token latency (median), > 0; e.g. 10 ms
 * @param streamsFinished streamed answers the mock sent to their end, >= 0
 * @param contentDeltas content deltas the mock wrote, >= 0
 * @param usageTokens completion tokens the mock reported in the closing usage of its streams, >= 0
 */
public record MockStreams(Duration ttft, Duration itl, long streamsFinished, long contentDeltas, long usageTokens) {

  public MockStreams {
    Objects.requireNonNull(ttft, "ttft");
    Objects.requireNonNull(itl, "itl");
    if (ttft.isNegative() || ttft.isZero()) {
      throw new IllegalArgumentException("the mock's TTFT must be > 0 to tell headers from content but was "
          + ttft.toMillis() + " ms; set gatebench.mock.ttft, e.g. 25ms");
    }
    if (itl.isNegative() || itl.isZero()) {
      throw new IllegalArgumentException("the mock's ITL must be > 0 to tell a stream from a buffered one but was "
          + itl.toMillis() + " ms; set gatebench.mock.itl, e.g. 1ms");
    }
    if (streamsFinished < 0 || contentDeltas < 0 || usageTokens < 0) {
      throw new IllegalArgumentException("stream counts must be >= 0 but were streams " + streamsFinished
          + ", deltas " + contentDeltas + ", usage tokens " + usageTokens);
    }
  }

  /** The profile's medians and the counters as they stand; read right after the run. */
  public static MockStreams of(LatencyProfile profile, MockCounters counters) {
    return new MockStreams(profile.ttft().median(), profile.itl().median(), counters.streamsFinished(),
        counters.contentDeltas(), counters.streamedUsageTokens());
  }

  /** Content deltas per finished stream, e.g. 100; 0 when no stream finished. */
  public double deltasPerStream() {
    return streamsFinished == 0 ? 0 : (double) contentDeltas / streamsFinished;
  }

  /** From the request to the last delta as the mock sends it: TTFT + (deltas - 1) ITL, in ms. */
  public double answerMs() {
    return ms(ttft) + Math.max(0, deltasPerStream() - 1) * ms(itl);
  }

  public double ttftMs() {
    return ms(ttft);
  }

  public double itlMs() {
    return ms(itl);
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("ttftMs", ttftMs());
    map.put("itlMs", itlMs());
    map.put("streamsFinished", streamsFinished);
    map.put("contentDeltas", contentDeltas);
    map.put("usageTokens", usageTokens);
    map.put("answerMs", answerMs());
    return map;
  }

  private static double ms(Duration d) {
    return d.toNanos() / 1e6;
  }
}
