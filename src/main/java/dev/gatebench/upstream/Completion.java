package dev.gatebench.upstream;

/**
 * One answer being sent: everything the body writers need, fixed when the request arrives.
 *
 * @param id the response id, e.g. {@code msg_mock0000002a}; JSON-safe
 * @param quotedModel the model name JSON-escaped, without quotes
 * @param createdSeconds epoch seconds (OpenAI {@code created})
 * @param tokens content tokens to send, >= 1
 * @param cut whether {@code max_tokens} cut the answer
 * @param inputTokens prompt size estimate, >= 1
 * @param includeUsage OpenAI: send a final usage chunk
 */
record Completion(byte[] id, byte[] quotedModel, long createdSeconds, int tokens, boolean cut,
    int inputTokens, boolean includeUsage) {

  Completion {
    if (tokens < 1) {
      throw new IllegalArgumentException("tokens must be >= 1 but was " + tokens);
    }
  }
}
