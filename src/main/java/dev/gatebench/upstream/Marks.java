package dev.gatebench.upstream;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Marks in prompt text that the mock counts per request ({@link MockCounters#marked(String)}), so that a
 * client can tell how many upstream requests one of its requests became even through a gateway that
 * forwards no custom header: every gateway forwards the prompt. A mark is {@code gatebench-mark:} and a
 * name of 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, within the first
 * {@value #SCANNED_CHARS} characters of a string in {@code messages} or {@code system}; the first mark of
 * a request counts.
 */
public final class Marks {
  /** What starts a mark in prompt text. */
  public static final String PREFIX = "gatebench-mark:";
  /** How far into each string the mock looks, so that huge prompts cost it nothing more. */
  static final int SCANNED_CHARS = 256;
  private static final int MAX_NAME = 64;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME + "}");

  private Marks() {}

  /**
   * The text that marks a prompt, e.g. {@code text("errors.529.1")} → {@code gatebench-mark:errors.529.1}.
   *
   * @throws IllegalArgumentException for a name outside the grammar, naming it
   */
  public static String text(String name) {
    Objects.requireNonNull(name, "mark name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a mark name must be 1 to " + MAX_NAME + " letters, digits, '.', '_' or "
          + "'-' but was '" + name + "'; e.g. errors.529.1");
    }
    return PREFIX + name;
  }

  /** The first mark's name in {@code chars[offset, offset + length)}, or null; allocates only when found. */
  static String find(char[] chars, int offset, int length) {
    int end = offset + Math.min(length, SCANNED_CHARS);
    for (int i = offset; i + PREFIX.length() < end; i++) {
      if (chars[i] == 'g' && startsWithPrefix(chars, i)) {
        int from = i + PREFIX.length();
        int to = from;
        while (to < offset + length && to - from < MAX_NAME && isNameChar(chars[to])) to++;
        if (to > from) return new String(chars, from, to - from);
      }
    }
    return null;
  }

  private static boolean startsWithPrefix(char[] chars, int at) {
    for (int j = 0; j < PREFIX.length(); j++) {
      if (chars[at + j] != PREFIX.charAt(j)) return false;
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
        || c == '-';
  }
}
