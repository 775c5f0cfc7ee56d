package dev.gatebench.contention;

/**
 * Prompts of a given size in tokens, by the usual estimate of four characters a token (the mock's, and
 * close to what real tokenizers make of plain English words). Deterministic: the same size gives the same text.
 */
public final class Prompts {
  /** Characters per token of the estimate. */
  public static final int CHARS_PER_TOKEN = 4;
  private static final String LEAD = "Summarise these notes in one sentence. ";
  private static final String[] WORDS = {"gateway", "latency", "stream", "token", "upstream", "request", "answer",
      "budget", "retry", "window", "signal", "record"};

  private Prompts() {}

  /**
   * A prompt of about {@code tokens} tokens.
   *
   * @param tokens >= 16 and <= 2,000,000; e.g. 100_000 for a prompt of about 400 kB
   */
  public static String ofTokens(int tokens) {
    if (tokens < 16 || tokens > 2_000_000) {
      throw new IllegalArgumentException("prompt size must be in [16, 2000000] tokens but was " + tokens
          + "; e.g. 1000, 10000 or 100000");
    }
    int chars = tokens * CHARS_PER_TOKEN;
    StringBuilder text = new StringBuilder(chars + 16).append(LEAD);
    for (int i = 0; text.length() < chars; i++) text.append(WORDS[i % WORDS.length]).append(i % 16 == 15 ? ". " : " ");
    text.setLength(chars);
    return text.toString();
  }

  /** {@code 1k}, {@code 10k}, {@code 100k}, or the number itself below 1000: part of result file names. */
  public static String label(int tokens) {
    return tokens >= 1000 && tokens % 1000 == 0 ? tokens / 1000 + "k" : Integer.toString(tokens);
  }
}
