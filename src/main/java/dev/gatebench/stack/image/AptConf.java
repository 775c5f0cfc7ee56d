package dev.gatebench.stack.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Which of apt's configuration files only set network options ({@code Acquire::...}), safe in an image. */
final class AptConf {
  private AptConf() {}

  static boolean onlyAcquireSettings(Path file) {
    try {
      return onlyAcquireSettings(Files.readString(file));
    } catch (IOException e) {
      return false;
    }
  }

  static boolean onlyAcquireSettings(String text) {
    List<String> settings = text.lines().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("//") && !line.startsWith("#")).toList();
    return !settings.isEmpty() && settings.stream().allMatch(line -> line.startsWith("Acquire::"));
  }
}
