package dev.gatebench.stack;

import dev.gatebench.gateway.GatewayStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The processes stack's temp directory ({@code gatebench-stack-<pid>-<random>}, 0700) for gateways'
 * generated files. Removed once: by {@link #close()}, or at JVM exit (Ctrl-C) by {@link ShutdownStopper}
 * after the gateways have stopped. A JVM killed outright cannot remove it; the next start removes the
 * ones whose JVM is gone. Thread-safe.
 */
final class PrivateDir implements AutoCloseable {
  static final String PREFIX = "gatebench-stack-";
  private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+");

  private final Path path;
  private boolean removed;

  private PrivateDir(Path path) {
    this.path = path;
  }

  /** Creates one under {@code java.io.tmpdir}, first removing those left there by JVMs that no longer run. */
  static PrivateDir create() {
    return create(Path.of(System.getProperty("java.io.tmpdir")));
  }

  static PrivateDir create(Path tempRoot) {
    removeOrphans(tempRoot);
    try {
      Path dir = Files.createTempDirectory(tempRoot, PREFIX + ProcessHandle.current().pid() + "-",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      PrivateDir created = new PrivateDir(dir);
      ShutdownStopper.INSTANCE.afterStopping(created);
      return created;
    } catch (IOException e) {
      throw new GatewayStartException("cannot create a private temp directory in " + tempRoot + ": "
          + e.getMessage() + "; free space there or point -Djava.io.tmpdir at a writable folder", e);
    }
  }

  Path path() {
    return path;
  }

  /** Removes the directory and everything in it; idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (removed) return;
    removed = true;
    ShutdownStopper.INSTANCE.forget(this);
    deleteTree(path);
  }

  /** Best effort: a folder that cannot be removed now is tried again by the next start. */
  static void removeOrphans(Path tempRoot) {
    try (Stream<Path> entries = Files.list(tempRoot)) {
      for (Path dir : entries.filter(PrivateDir::isOrphan).toList()) {
        try {
          deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
          // another JVM may be removing it at the same moment
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // an unreadable temp root only means nothing is swept this time
    }
  }

  private static boolean isOrphan(Path dir) {
    Matcher m = NAME.matcher(dir.getFileName().toString());
    if (!m.matches() || !Files.isDirectory(dir)) return false;
    Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(m.group(1)));
    return owner.map(handle -> !handle.isAlive()).orElse(true);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : paths) Files.deleteIfExists(p);
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
