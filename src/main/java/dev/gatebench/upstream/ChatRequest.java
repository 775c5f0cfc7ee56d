package dev.gatebench.upstream;

import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a chat request the mock acts on.
 *
 * @param model the requested model, echoed back; not blank
 * @param maxTokens the client's token limit, >= 1, or 0 when it set none
 * @param stream whether the client asked for server-sent events
 * @param includeUsage OpenAI {@code stream_options.include_usage}
 * @param inputTokens the deterministic prompt size estimate, >= 1
 * @param mark the name of the prompt's first {@link Marks mark}, if any
 */
record ChatRequest(String model, int maxTokens, boolean stream, boolean includeUsage, int inputTokens,
    Optional<String> mark) {

  ChatRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(mark, "mark");
    if (maxTokens < 0) {
      throw new IllegalArgumentException("maxTokens must be >= 0 but was " + maxTokens);
    }
    if (inputTokens < 1) {
      throw new IllegalArgumentException("inputTokens must be >= 1 but was " + inputTokens);
    }
  }

  /** Tokens to send: the configured length, cut by the client's limit. */
  int outputTokens(int configured) {
    return maxTokens == 0 ? configured : Math.min(maxTokens, configured);
  }

  /** Whether the client's limit cut the answer short. */
  boolean cutByMaxTokens(int configured) {
    return maxTokens != 0 && maxTokens < configured;
  }
}
