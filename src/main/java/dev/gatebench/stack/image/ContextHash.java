package dev.gatebench.stack.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The hash that names a local build: SHA-256 over a build folder's files (relative path and
 * content, in path order), the extra files copied in and the build arguments that shape the image.
 * What differs between machines (CA bundle, pip's index) is left out, so a folder gives one tag.
 */
final class ContextHash {
  /** Hex digits of the hash used in a tag. */
  static final int TAG_DIGITS = 8;

  private ContextHash() {}

  /**
   * @param folder the build folder; every regular file below it counts
   * @param extraFiles files copied into the build, by their name there (e.g. {@code inferxgate})
   * @param args build arguments that change what is built (e.g. LiteLLM's version)
   * @return the first {@link #TAG_DIGITS} hex digits, e.g. {@code 3f9a0c1e}
   */
  static String of(Path folder, Map<String, Path> extraFiles, Map<String, String> args) {
    MessageDigest digest = sha256();
    Map<String, Path> files = new TreeMap<>(filesUnder(folder));
    extraFiles.forEach((name, file) -> files.put("+" + name, file));
    files.forEach((name, file) -> {
      update(digest, "file " + name + "\n");
      updateWithContent(digest, file);
    });
    new TreeMap<>(args).forEach((name, value) -> update(digest, "arg " + name + "=" + value + "\n"));
    return HexFormat.of().formatHex(digest.digest()).substring(0, TAG_DIGITS);
  }

  private static Map<String, Path> filesUnder(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> files = walk.filter(Files::isRegularFile).toList();
      Map<String, Path> byName = new TreeMap<>();
      files.forEach(file -> byName.put(folder.relativize(file).toString().replace('\\', '/'), file));
      return byName;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read build folder " + folder, e);
    }
  }

  private static void updateWithContent(MessageDigest digest, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int read; (read = in.read(buffer)) > 0; ) digest.update(buffer, 0, read);
      update(digest, "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " for the image hash", e);
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
