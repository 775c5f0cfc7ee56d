package dev.gatebench.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Portkey gateway installed with npm into {@code <cacheDir>/portkey-<version>}. Its install
 * scripts are not run: the only one applies patches it ships none of.
 */
final class PortkeyInstall extends CachedInstall {
  static final String PACKAGE = "@portkey-ai/gateway";
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);

  /** @throws dev.gatebench.config.BenchConfigException for a version that is not exact, e.g. a range */
  PortkeyInstall(Path cacheDir, String version) {
    super("Portkey", cacheDir.resolve("portkey-" + version), checked(version));
  }

  private static String checked(String version) {
    GatewaySetting.exactVersion(Portkey.VERSION).accept("gatebench.portkey.version", version);
    return version;
  }

  /** Its start script, {@code <dir>/node_modules/@portkey-ai/gateway/build/start-server.js}. */
  Path startServer() {
    return entryPoint();
  }

  @Override
  Path entryPoint() {
    return packageDir(PACKAGE).resolve("build").resolve("start-server.js");
  }

  @Override
  boolean usable(Path entryPoint) {
    return Files.isRegularFile(entryPoint);
  }

  /** The start script, installing the gateway with {@code npm} first unless a complete install is cached. */
  Path ensure(Path npm) throws GatewayUnavailableException {
    return ensure(() -> {
      Files.createDirectories(dir());
      run("npm install " + PACKAGE + "@" + version(), installCommand(npm), NPM_TIMEOUT, "fix the cause below (npm "
          + "must reach its registry), or pin another version with -Dgatebench.portkey.version=" + Portkey.VERSION);
    });
  }

  /** The command that installs it, e.g. {@code npm install --prefix ~/.cache/gatebench/portkey-1.15.2 ...}. */
  List<String> installCommand(Path npm) {
    return List.of(npm.toString(), "install", "--prefix", dir().toString(), "--ignore-scripts", "--no-audit",
        "--no-fund", "--omit=dev", PACKAGE + "@" + version());
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
    return dir().resolve("node_modules").resolve(pkg);
  }
}
