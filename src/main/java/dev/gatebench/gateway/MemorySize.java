package dev.gatebench.gateway;

import dev.gatebench.config.BenchConfigException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as compose files and Docker write them, binary units: {@code 1G} = 1073741824,
 * {@code 512m} = 536870912, {@code 1.5g}; a bare number is bytes.
 */
public final class MemorySize {
  /** Docker refuses a container memory limit below 6 MiB. */
  public static final long MIN_BYTES = 6L << 20;
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([bkmg]?)b?", Pattern.CASE_INSENSITIVE);

  private MemorySize() {}

  /** @throws IllegalArgumentException when {@code text} is not a size like {@code 1G} or {@code 512m} */
  public static long bytes(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) throw new IllegalArgumentException("not a size like 1G or 512M: '" + text + "'");
    int power = "bkmg".indexOf(m.group(2).isEmpty() ? 'b' : m.group(2).toLowerCase(Locale.ROOT).charAt(0));
    return Math.round(Double.parseDouble(m.group(1)) * Math.pow(1024, power));
  }

  /** For people: {@code 1 GiB}, {@code 1536 MiB}. */
  public static String describe(long bytes) {
    return bytes % (1L << 30) == 0 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
  }

  /** The rule of a {@code memory} setting: a size of at least 6 MiB, e.g. {@code 2g}. */
  static GatewaySetting.Check check() {
    return (name, value) -> {
      long bytes;
      try {
        bytes = bytes(value);
      } catch (IllegalArgumentException e) {
        throw new BenchConfigException(name + " must be a memory size like 1g or 1536m but was '" + value + "'; e.g. -D"
            + name + "=2g", e);
      }
      if (bytes < MIN_BYTES) {
        throw new BenchConfigException(name + " must be at least 6m (Docker's minimum) but was '" + value + "'; e.g. -D"
            + name + "=2g");
      }
    };
  }
}
