package dev.gatebench.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Something built once into a cache that every run on the machine shares (a pinned install, a Docker
 * image): done when its marker says so, else built under an exclusive lock on a file, and only if the
 * marker is still missing once the lock is held. Two runs started at once build it once; the second
 * waits, then finds it done. The marker must be written last by the build, so that a build cut short
 * is done again. One lock file must not be taken by two threads of one JVM at once.
 */
public final class BuildOnce {
  /** The build: throws what it throws, plus I/O errors. */
  @FunctionalInterface
  public interface Build<E extends Exception> {
    void run() throws IOException, E;
  }

  private BuildOnce() {}

  /**
   * @param lockFile a file beside the cache entry, e.g. {@code ~/.cache/gatebench/venvs/litellm-1.106.12.lock};
   *     created with its folders when missing
   * @param done whether the marker says it is built
   * @return true when this call built it, false when it was built already, before or while waiting
   * @throws IOException when the lock cannot be taken, or from the build
   */
  public static <E extends Exception> boolean ensure(Path lockFile, BooleanSupplier done, Build<E> build)
      throws IOException, E {
    Objects.requireNonNull(build, "build");
    if (done.getAsBoolean()) return false;
    Files.createDirectories(lockFile.toAbsolutePath().getParent());
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      if (done.getAsBoolean()) return false;
      build.run();
      return true;
    }
  }
}
