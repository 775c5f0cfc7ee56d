package dev.gatebench.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * LiteLLM installed into a cached virtualenv, {@code <cacheDir>/venvs/litellm-<version>}; pip is a
 * no-op for what a repaired venv already has.
 */
final class LiteLlmVenv extends CachedInstall {
  private static final Duration PIP_TIMEOUT = Duration.ofMinutes(15);
  private final String python;

  LiteLlmVenv(GatewayContext context) {
    super("LiteLLM", LiteLlm.venv(context), context.setting("version"));
    this.python = context.python();
  }

  @Override
  Path entryPoint() {
    return dir().resolve("bin").resolve("litellm");
  }

  @Override
  boolean usable(Path entryPoint) {
    return Files.isExecutable(entryPoint);
  }

  /** The {@code litellm} executable, installing it first unless a complete install is cached. */
  Path ensure() throws GatewayUnavailableException {
    return ensure(this::install);
  }

  private void install() throws GatewayUnavailableException {
    Path venvPython = dir().resolve("bin").resolve("python");
    String fix = "fix the cause below, or pin another version with -Dgatebench.litellm.version=" + LiteLlm.VERSION;
    if (!Files.isExecutable(venvPython)) {
      run("create a virtualenv", List.of(python().toString(), "-m", "venv", dir().toString()), PIP_TIMEOUT, fix);
    }
    String pinned = "litellm[proxy]==" + version();
    run("pip install " + pinned, List.of(venvPython.toString(), "-m", "pip", "install", pinned), PIP_TIMEOUT, fix);
  }

  /** No Python means no LiteLLM here: its rows are skipped with the fix, the other gateways still run. */
  private Path python() throws GatewayUnavailableException {
    return Commands.which(python).orElseThrow(() -> new GatewayUnavailableException(
        "litellm skipped: python '" + python + "' was not found or is not executable; "
            + "install Python 3.11-3.13 or point gatebench.python at one, e.g. -Dgatebench.python=/usr/bin/python3"));
  }
}
