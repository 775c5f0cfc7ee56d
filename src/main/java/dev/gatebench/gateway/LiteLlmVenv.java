package dev.gatebench.gateway;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * LiteLLM installed into a cached virtualenv, {@code <cacheDir>/venvs/litellm-<version>}. A marker
 * file is written only after a complete install, so a broken or hand-made venv is repaired on next
 * use (pip is a no-op for what is already satisfied). Safe across JVMs: installs hold a file lock.
 */
final class LiteLlmVenv {
  static final String MARKER = ".gatebench-installed";
  private static final Duration PIP_TIMEOUT = Duration.ofMinutes(15);
  private static final int TAIL_LINES = 40;
  private final GatewaySettings settings;
  private final Path venv;

  LiteLlmVenv(GatewaySettings settings) {
    this.settings = settings;
    this.venv = settings.litellmVenv();
  }

  /** The {@code litellm} executable, installing it first unless a complete install is cached. */
  Path ensure() throws GatewayUnavailableException {
    Path litellm = venv.resolve("bin").resolve("litellm");
    if (isComplete(litellm)) return litellm;
    try {
      Files.createDirectories(venv.getParent());
      try (FileChannel channel = FileChannel.open(venv.resolveSibling(venv.getFileName() + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock(); // another JVM may be installing the same version right now
        try {
          if (!isComplete(litellm)) install();
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new GatewayStartException("LiteLLM cannot be installed into " + venv + ": " + e.getMessage(), e);
    }
    return litellm;
  }

  private boolean isComplete(Path litellm) {
    Path marker = venv.resolve(MARKER);
    try {
      return Files.isExecutable(litellm) && Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(settings.litellmVersion());
    } catch (IOException e) {
      return false;
    }
  }

  private void install() throws IOException, GatewayUnavailableException {
    Path venvPython = venv.resolve("bin").resolve("python");
    if (!Files.isExecutable(venvPython)) {
      run("create a virtualenv", List.of(python().toString(), "-m", "venv", venv.toString()));
    }
    String pinned = "litellm[proxy]==" + settings.litellmVersion();
    run("pip install " + pinned, List.of(venvPython.toString(), "-m", "pip", "install", pinned));
    Files.writeString(venv.resolve(MARKER), settings.litellmVersion() + "\n", StandardCharsets.UTF_8);
  }

  /** No Python means no LiteLLM here: its rows are skipped with the fix, the other gateways still run. */
  private Path python() throws GatewayUnavailableException {
    return Commands.which(settings.python()).orElseThrow(() -> new GatewayUnavailableException(
        "litellm skipped: python '" + settings.python() + "' was not found or is not executable; "
            + "install Python 3.11-3.13 or point gatebench.python at one, e.g. -Dgatebench.python=/usr/bin/python3"));
  }

  private Commands.Result run(String step, List<String> command) {
    Commands.Result result = Commands.run(command, venv.getParent(), PIP_TIMEOUT);
    if (result.exitCode() != 0) {
      throw new GatewayStartException("LiteLLM cannot be installed: " + step + " in " + venv + " failed with exit code "
          + result.exitCode() + "; fix the cause below, or pin another version with -Dgatebench.litellm.version="
          + GatewaySettings.LITELLM_VERSION + ". Last lines of its output:\n" + result.tail(TAIL_LINES));
    }
    return result;
  }

}
