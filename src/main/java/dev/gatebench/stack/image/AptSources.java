package dev.gatebench.stack.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Debian mirror this machine's apt already uses, read at run time from {@code sources.list} and
 * {@code sources.list.d/} (one-line and deb822 formats), so that nothing committed names a host.
 */
final class AptSources {
  private AptSources() {}

  /** The first {@code deb} URI that serves {@code suite} (e.g. {@code bookworm}) under {@code aptDir}. */
  static Optional<String> mirrorFor(Path aptDir, String suite) {
    for (Path file : sourceFiles(aptDir)) {
      Optional<String> uri = file.toString().endsWith(".sources") ? fromDeb822(read(file), suite)
          : fromOneLine(read(file), suite);
      if (uri.isPresent()) return uri;
    }
    return Optional.empty();
  }

  private static List<Path> sourceFiles(Path aptDir) {
    List<Path> files = new ArrayList<>();
    if (Files.isRegularFile(aptDir.resolve("sources.list"))) files.add(aptDir.resolve("sources.list"));
    Path dir = aptDir.resolve("sources.list.d");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(f -> f.toString().endsWith(".list") || f.toString().endsWith(".sources")).sorted()
            .forEach(files::add);
      } catch (IOException e) {
        // an unreadable folder has no mirror to offer
      }
    }
    return files;
  }

  /** {@code deb [options] URI SUITE COMPONENTS...} */
  static Optional<String> fromOneLine(String text, String suite) {
    return text.lines().map(String::strip).filter(line -> line.startsWith("deb "))
        .map(line -> line.replaceFirst("^deb\\s+(\\[[^]]*]\\s+)?", "").split("\\s+"))
        .filter(parts -> parts.length >= 2 && parts[1].equals(suite)).map(parts -> parts[0]).findFirst();
  }

  /** Paragraphs of {@code Types:}, {@code URIs:}, {@code Suites:} fields. */
  static Optional<String> fromDeb822(String text, String suite) {
    for (String paragraph : text.split("\\n\\s*\\n")) {
      List<String> types = field(paragraph, "Types");
      List<String> suites = field(paragraph, "Suites");
      List<String> uris = field(paragraph, "URIs");
      if (types.contains("deb") && suites.contains(suite) && !uris.isEmpty()) return Optional.of(uris.getFirst());
    }
    return Optional.empty();
  }

  private static List<String> field(String paragraph, String name) {
    return paragraph.lines().filter(line -> line.startsWith(name + ":")).findFirst()
        .map(line -> Arrays.asList(line.substring(name.length() + 1).strip().split("\\s+")))
        .orElse(List.of());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
