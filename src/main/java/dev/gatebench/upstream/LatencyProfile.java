package dev.gatebench.upstream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long the mock waits: time to first token (TTFT) and the inter-token latency (ITL).
 *
 * <p>A stream sends its headers and opening events (Anthropic {@code message_start}; OpenAI the
 * chunk with the role) as soon as the request arrives, its first content delta TTFT after that and
 * each further delta one ITL draw later; a non-streaming answer is sent after TTFT + (n - 1) ITL
 * draws. Injected 429, 500 and 529 answers wait for neither ({@link FaultKind}).
 * Draws come from the mock's seed. Immutable and thread-safe.
 *
 * @param ttft time to first token; e.g. {@code Delay.fixed(Duration.ofMillis(250))}
 * @param itl delay between two content deltas; e.g. {@code Delay.fixed(Duration.ofMillis(10))}
 */
public record LatencyProfile(Delay ttft, Delay itl) {

  public LatencyProfile {
    Objects.requireNonNull(ttft, "ttft");
    Objects.requireNonNull(itl, "itl");
  }

  /** No delay at all: answers as fast as the server can. */
  public static LatencyProfile none() {
    return new LatencyProfile(Delay.ZERO, Delay.ZERO);
  }

  /**
   * @param ttft time to first token, >= 0; e.g. {@code Duration.ofMillis(250)}
   * @param itl inter-token latency, >= 0; e.g. {@code Duration.ofMillis(10)}
   */
  public static LatencyProfile fixed(Duration ttft, Duration itl) {
    return new LatencyProfile(Delay.fixed(ttft), Delay.fixed(itl));
  }

  public static LatencyProfile of(Delay ttft, Delay itl) {
    return new LatencyProfile(ttft, itl);
  }

  /** JSON-friendly description, e.g. {@code {ttft={kind=fixed, ms=250.0}, itl={...}}}. */
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("ttft", ttft.describe());
    map.put("itl", itl.describe());
    return map;
  }
}
