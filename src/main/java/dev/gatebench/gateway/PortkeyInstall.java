package dev.gatebench.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.config.BenchConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Portkey gateway installed with npm into {@code <cacheDir>/portkey-<version>}. A marker file is
 * written only after a complete install, so a broken one is repaired on next use. Safe across JVMs:
 * installs hold a file lock. Its install scripts are not run: the only one applies patches it ships none of.
 */
final class PortkeyInstall {
  static final String PACKAGE = "@portkey-ai/gateway";
  static final String MARKER = ".gatebench-installed";
  /** An exact version: a range would install different code on different days. */
  private static final Pattern EXACT = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
  private static final int TAIL_LINES = 40;
  private final String version;
  private final Path dir;

  PortkeyInstall(Path cacheDir, String version) {
    if (!EXACT.matcher(version).matches()) {
      throw new BenchConfigException("gatebench.portkey.version must be an exact version like "
          + Portkey.VERSION + " but was '" + version + "'; ranges are refused so that every run installs the same "
          + "gateway, e.g. -Dgatebench.portkey.version=" + Portkey.VERSION);
    }
    this.version = version;
    this.dir = cacheDir.resolve("portkey-" + version);
  }

  Path dir() {
    return dir;
  }

  /** Its start script, {@code <dir>/node_modules/@portkey-ai/gateway/build/start-server.js}. */
  Path startServer() {
    return packageDir(PACKAGE).resolve("build").resolve("start-server.js");
  }

  /** The start script, installing the gateway first unless a complete install is cached. */
  Path ensure(Path npm) {
    if (isComplete()) return startServer();
    try {
      Files.createDirectories(dir.getParent());
      try (FileChannel channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock(); // another JVM may be installing the same version right now
        try {
          if (!isComplete()) install(npm);
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new GatewayStartException("Portkey cannot be installed into " + dir + ": " + e.getMessage(), e);
    }
    return startServer();
  }

  /** The command that installs it, e.g. {@code npm install --prefix ~/.cache/gatebench/portkey-1.15.2 ...}. */
  List<String> installCommand(Path npm) {
    return List.of(npm.toString(), "install", "--prefix", dir.toString(), "--ignore-scripts", "--no-audit",
        "--no-fund", "--omit=dev", PACKAGE + "@" + version);
  }

  /** The version npm resolved for a package in this install, e.g. {@code hono} → 4.9.7; "unknown" if absent. */
  String installedVersion(String pkg) {
    try {
      return new ObjectMapper().readTree(packageDir(pkg).resolve("package.json").toFile()).path("version")
          .asText("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private Path packageDir(String pkg) {
    return dir.resolve("node_modules").resolve(pkg);
  }

  private boolean isComplete() {
    try {
      return Files.isRegularFile(startServer()) && Files.isRegularFile(dir.resolve(MARKER))
          && Files.readString(dir.resolve(MARKER), StandardCharsets.UTF_8).strip().equals(version);
    } catch (IOException e) {
      return false;
    }
  }

  private void install(Path npm) throws IOException {
    Files.createDirectories(dir);
    Commands.Result result = Commands.run(installCommand(npm), dir, NPM_TIMEOUT);
    if (result.exitCode() != 0 || !Files.isRegularFile(startServer())) {
      throw new GatewayStartException("Portkey cannot be installed: npm install " + PACKAGE + "@" + version
          + " in " + dir + " failed with exit code " + result.exitCode() + "; fix the cause below (npm must reach "
          + "its registry), or pin another version with -Dgatebench.portkey.version=" + Portkey.VERSION
          + ". Last lines of its output:\n" + result.tail(TAIL_LINES));
    }
    Files.writeString(dir.resolve(MARKER), version + "\n", StandardCharsets.UTF_8);
  }
}
