package dev.gatebench.upstream;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection of one mock shares: its settings, text, counters and sequence. */
final class MockContext {

  private static final int MODEL_CACHE_LIMIT = 256;

  final LatencyProfile latency;
  /** Read once per request; swapped whole by {@link MockUpstream#swapFaults}. */
  volatile FaultPlan faults;
  final int outputTokens;
  final long seed;
  final TokenText text;
  final MockCounters counters;
  final SendLateness lateness = new SendLateness();
  private final AtomicLong sequence = new AtomicLong();
  private final ConcurrentHashMap<String, byte[]> quotedModels = new ConcurrentHashMap<>();

  MockContext(LatencyProfile latency, FaultPlan faults, int outputTokens, long seed, MockCounters counters) {
    this.latency = latency;
    this.faults = faults;
    this.outputTokens = outputTokens;
    this.seed = seed;
    this.text = new TokenText(seed, outputTokens);
    this.counters = counters;
  }

  long nextSequence() {
    return sequence.getAndIncrement();
  }

  /** The model name JSON-escaped; cached because clients send the same few names. */
  byte[] quotedModel(String model) {
    byte[] cached = quotedModels.get(model);
    if (cached != null) {
      return cached;
    }
    byte[] quoted = new String(JsonStringEncoder.getInstance().quoteAsString(model))
        .getBytes(StandardCharsets.UTF_8);
    if (quotedModels.size() < MODEL_CACHE_LIMIT) {
      quotedModels.put(model, quoted);
    }
    return quoted;
  }
}
