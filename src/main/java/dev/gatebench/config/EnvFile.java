package dev.gatebench.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotenv file ({@code .env.benchmark}): {@code KEY=VALUE} lines, {@code #} comments, blank lines,
 * an optional {@code export } prefix and optional single or double quotes around the value.
 */
public final class EnvFile {
  /** Appended to the shared file's name for the personal one, e.g. {@code .env.benchmark.local}. */
  public static final String LOCAL_SUFFIX = ".local";

  private static final Pattern LINE =
      Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)$");

  private EnvFile() {}

  /** Reads {@code file}; a missing file is empty, a malformed line is a {@link BenchConfigException}. */
  public static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) return Map.of();
    try {
      return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads {@code file} and, beside it, {@code file + ".local"} (ignored by git, where a user keeps real
   * keys): a non-blank value in the local file wins over the shared one; a blank one leaves it, as a
   * blank value means unset everywhere else. Either file may be missing.
   */
  public static Map<String, String> readWithLocal(Path file) {
    Map<String, String> values = new LinkedHashMap<>(read(file));
    read(local(file)).forEach((name, value) -> {
      if (!value.isBlank()) values.put(name, value);
    });
    return values;
  }

  /** The personal file that goes with {@code file}: {@code .env.benchmark} → {@code .env.benchmark.local}. */
  public static Path local(Path file) {
    return file.resolveSibling(file.getFileName() + LOCAL_SUFFIX);
  }

  static Map<String, String> parse(String source, List<String> lines) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new BenchConfigException(source + " line " + (i + 1) + ": '" + line
            + "' is not KEY=VALUE; write it as e.g. TEST_MAX_TOKENS=100 or comment it out with #");
      }
      values.put(m.group(1), unquote(source, i + 1, m.group(2).strip()));
    }
    return values;
  }

  private static String unquote(String source, int lineNo, String raw) {
    if (raw.length() >= 1 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
      char quote = raw.charAt(0);
      int end = raw.indexOf(quote, 1);
      if (end < 0) {
        throw new BenchConfigException(source + " line " + lineNo + ": value " + raw
            + " opens a " + quote + " quote that never closes; close it on the same line");
      }
      return raw.substring(1, end);
    }
    int comment = raw.indexOf(" #");
    return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
  }
}
