package dev.gatebench.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes whole files or nothing: readers never see a half-written result. Thread-safe. */
final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to a temporary file beside {@code target} and renames it over
   * {@code target} in one step; on failure the temporary file is removed and {@code target} is
   * left as it was.
   */
  static void write(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Same directory as the target, so the rename stays on one file system and can be atomic.
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      readableByAll(temp); // temp files start owner-only; results are meant to be shared (CI artifacts)
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }
}
