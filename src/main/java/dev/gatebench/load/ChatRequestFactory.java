package dev.gatebench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OpenAI chat completion request bodies, serialized once and handed out round-robin over the
 * prompts. Thread-safe: {@link #next()} is one atomic increment.
 */
public final class ChatRequestFactory {
  /** The five prompts of the original k6 scripts. */
  public static final List<String> DEFAULT_PROMPTS = List.of(
      "What is 2 + 2? Answer with just the number.",
      "Explain the concept of recursion in one sentence.",
      "Write a haiku about programming.",
      "List three benefits of cloud computing.",
      "What is the capital of France?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<byte[]> bodies;
  private final boolean streaming;
  private final Map<String, String> settings;
  private final AtomicLong nextIndex = new AtomicLong();

  private ChatRequestFactory(List<byte[]> bodies, boolean streaming, Map<String, String> settings) {
    this.bodies = bodies;
    this.streaming = streaming;
    this.settings = settings;
  }

  /**
   * @param model e.g. {@code claude-sonnet-4-5-20250929}
   * @param maxTokens {@code max_tokens}, >= 1; e.g. 100
   * @param temperature in [0, 2]; e.g. 0.7
   * @param stream {@code stream: true} with {@code stream_options.include_usage}
   */
  public static ChatRequestFactory of(String model, int maxTokens, double temperature, boolean stream) {
    return of(model, maxTokens, temperature, stream, DEFAULT_PROMPTS);
  }

  public static ChatRequestFactory of(String model, int maxTokens, double temperature, boolean stream,
      List<String> prompts) {
    Objects.requireNonNull(model, "model");
    if (maxTokens < 1) throw new IllegalArgumentException("max_tokens must be >= 1 but was " + maxTokens);
    if (prompts.isEmpty()) throw new IllegalArgumentException("prompts must not be empty");
    List<byte[]> bodies = prompts.stream().map(p -> body(model, maxTokens, temperature, stream, p)).toList();
    Map<String, String> settings = Map.of("model", model, "max_tokens", Integer.toString(maxTokens),
        "temperature", Double.toString(temperature), "stream", Boolean.toString(stream),
        "prompts", Integer.toString(prompts.size()));
    return new ChatRequestFactory(bodies, stream, settings);
  }

  /** The next body (do not modify it). */
  public byte[] next() {
    return bodies.get((int) Math.floorMod(nextIndex.getAndIncrement(), (long) bodies.size()));
  }

  /** Whether the bodies ask for a streamed (SSE) answer. */
  public boolean streaming() {
    return streaming;
  }

  /** model, max_tokens, temperature, stream and the prompt count, recorded with results. */
  public Map<String, String> settings() {
    return settings;
  }

  List<byte[]> bodies() {
    return bodies;
  }

  private static byte[] body(String model, int maxTokens, double temperature, boolean stream, String prompt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", model);
    body.put("messages", List.of(Map.of("role", "user", "content", prompt)));
    body.put("max_tokens", maxTokens);
    body.put("temperature", temperature);
    body.put("stream", stream);
    if (stream) body.put("stream_options", Map.of("include_usage", true));
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a chat request", e);
    }
  }
}
