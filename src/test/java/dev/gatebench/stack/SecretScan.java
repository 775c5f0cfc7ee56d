package dev.gatebench.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Looks for secret values in the regular files under some folders: what a run left on disk. */
final class SecretScan {
  private final List<String> secrets;
  private final FileTime since;
  private final Set<String> findings = new LinkedHashSet<>(); // roots may nest: a file counts once
  private final Set<Path> read = new LinkedHashSet<>();

  private SecretScan(List<String> secrets, FileTime since) {
    this.secrets = List.copyOf(secrets);
    this.since = since;
  }

  /** Reads every file under {@code roots} modified at or after {@code since}; files that vanish meanwhile are skipped. */
  static SecretScan of(List<Path> roots, List<String> secrets, FileTime since) throws IOException {
    SecretScan scan = new SecretScan(secrets, since);
    for (Path root : roots) {
      if (Files.isDirectory(root)) Files.walkFileTree(root, scan.visitor());
    }
    return scan;
  }

  /** "file: secret" for each file holding one of the secrets. */
  List<String> findings() {
    return List.copyOf(findings);
  }

  long filesRead() {
    return read.size();
  }

  private SimpleFileVisitor<Path> visitor() {
    return new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(since) >= 0) read(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    };
  }

  private void read(Path file) throws IOException {
    if (!read.add(file)) return;
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      return;
    }
    secrets.stream().filter(text::contains).forEach(secret -> findings.add(file + ": " + secret));
  }
}
