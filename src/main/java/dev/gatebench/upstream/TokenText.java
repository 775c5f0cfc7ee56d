package dev.gatebench.upstream;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The mock's deterministic answer text. One token is one word piece: the first is a
 * capitalised word, each further one a space and a word. Letters only, so every piece is
 * already valid inside a JSON string.
 */
final class TokenText {

  private static final String[] WORDS = {
    "gate", "bench", "mock", "token", "stream", "latency", "model", "answer", "quick", "steady",
    "river", "stone", "light", "paper", "signal", "window", "garden", "orbit", "pulse", "vector",
    "amber", "cloud", "delta", "ember", "field", "harbor", "island", "jungle", "kernel", "lantern",
    "meadow", "needle", "ocean", "prism", "quartz", "ridge", "summit", "timber", "uplink", "valley",
    "wander", "yonder", "zephyr", "anchor", "bridge", "candle", "dawn", "echo", "falcon", "glacier",
    "horizon", "ivory", "jasper", "kettle", "lotus", "marble", "nimbus", "opal", "pepper", "quiver",
    "raven", "saffron", "tundra", "umber"
  };

  private final byte[][] pieces;
  private final byte[] joined;
  private final int[] ends;

  TokenText(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    pieces = new byte[count][];
    ends = new int[count + 1];
    StringBuilder all = new StringBuilder(count * 8);
    for (int i = 0; i < count; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      String piece = i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word;
      pieces[i] = piece.getBytes(StandardCharsets.US_ASCII);
      all.append(piece);
      ends[i + 1] = all.length();
    }
    joined = all.toString().getBytes(StandardCharsets.US_ASCII);
  }

  int capacity() {
    return pieces.length;
  }

  /** Token {@code index}, 0-based. */
  byte[] piece(int index) {
    return pieces[index];
  }

  /** All text bytes; the first {@code n} tokens are {@code [0, length(n))}. */
  byte[] joined() {
    return joined;
  }

  int length(int tokens) {
    return ends[tokens];
  }

  String text(int tokens) {
    return new String(joined, 0, ends[tokens], StandardCharsets.US_ASCII);
  }
}
