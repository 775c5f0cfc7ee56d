package dev.gatebench.gateway;

import dev.gatebench.cache.BuildOnce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A pinned package installed once into a folder of the cache. A marker naming the version is written
 * only after a complete install, so a broken or hand-made one is repaired on next use; installs hold
 * a file lock beside the folder ({@link BuildOnce}), since another JVM may be installing the same version at once.
 */
abstract class CachedInstall {
  static final String MARKER = ".gatebench-installed";
  private static final int TAIL_LINES = 40;
  private final String what;
  private final Path dir;
  private final String version;

  /** @param what the gateway, for messages, e.g. {@code LiteLLM} */
  CachedInstall(String what, Path dir, String version) {
    this.what = what;
    this.dir = dir;
    this.version = version;
  }

  /** The steps that install it into {@link #dir()}; the marker is written after them. */
  @FunctionalInterface
  interface Steps {
    void run() throws IOException, GatewayUnavailableException;
  }

  Path dir() {
    return dir;
  }

  String version() {
    return version;
  }

  /** What runs it once installed, e.g. {@code <venv>/bin/litellm}. */
  abstract Path entryPoint();

  /** Whether {@link #entryPoint()} is usable as such (a file, an executable). */
  abstract boolean usable(Path entryPoint);

  /** Runs {@code steps} unless a complete install of this version is cached; returns {@link #entryPoint()}. */
  final Path ensure(Steps steps) throws GatewayUnavailableException {
    try {
      BuildOnce.ensure(dir.resolveSibling(dir.getFileName() + ".lock"), this::isComplete, () -> install(steps));
    } catch (IOException e) {
      throw new GatewayStartException(what + " cannot be installed into " + dir + ": " + e.getMessage(), e);
    }
    return entryPoint();
  }

  /** The entry point of a complete install. @throws GatewayStartException when it was not installed first */
  final Path installed() {
    if (isComplete()) return entryPoint();
    throw new GatewayStartException(what + " " + version + " is not installed in " + dir + "; a stack installs it "
        + "before starting it (NeedsInstall.install)");
  }

  /** Runs one install step; a failure names the step, the fix and the output's last lines. */
  final Commands.Result run(String step, List<String> command, Duration timeout, String fix) {
    Commands.Result result = Commands.run(command, Files.isDirectory(dir) ? dir : dir.getParent(), timeout);
    if (result.exitCode() != 0) {
      throw new GatewayStartException(what + " cannot be installed: " + step + " in " + dir + " failed with exit code "
          + result.exitCode() + "; " + fix + ". Last lines of its output:\n" + result.tail(TAIL_LINES));
    }
    return result;
  }

  private void install(Steps steps) throws IOException, GatewayUnavailableException {
    steps.run();
    if (!usable(entryPoint())) {
      throw new GatewayStartException(what + " cannot be installed: " + entryPoint() + " is missing after the "
          + "install in " + dir + "; remove " + dir + " and run again");
    }
    Files.writeString(dir.resolve(MARKER), version + "\n", StandardCharsets.UTF_8);
  }

  private boolean isComplete() {
    Path marker = dir.resolve(MARKER);
    try {
      return usable(entryPoint()) && Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(version);
    } catch (IOException e) {
      return false;
    }
  }
}
