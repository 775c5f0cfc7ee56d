package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.GatewayStartException;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway process that its 32 MiB memory limit kills while it starts, before it answers, for real: the
 * start fails saying it was the limit, not a bare exit status. Skipped, saying why, where gatebench cannot
 * create memory cgroups (not root, no writable cgroup).
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ProcessOomAtStartTest {
  /** Joins its memory group first (the stack moves it right after the fork), then takes 256 MB. */
  private static final String GROWS_BEFORE_LISTENING =
      "sleep 1; exec perl -e '$n = 256; $m = \"a\" x (1_000_000 * $n); sleep 30'";
  private static final UpstreamEndpoint NO_UPSTREAM = new UpstreamEndpoint(URI.create("http://127.0.0.1:9"),
      Optional.empty(), Optional.empty(), false);

  @TempDir Path dir;

  @Test
  void aGatewayOomKilledWhileStartingFailsToStartNamingItsMemoryLimit() throws Exception {
    String limit = HostLimits.detect().facts(32L << 20).get("memory_limit").toString();
    assumeFalse(limit.startsWith("memory limit not enforced"), limit);
    ScriptProcessKind hog = new ScriptProcessKind("hog", GROWS_BEFORE_LISTENING);
    BenchConfig config = BenchConfig.of(Map.of("gatebench.logDir", dir.resolve("logs").toString(),
        "TEST_MODEL", "m", "gatebench.hog.memory", "32m"), Map.of(), Map.of());
    GatewaySettings settings = GatewaySettings.from(config);
    try (ProcessStack stack = new ProcessStack(settings, NO_UPSTREAM)) {
      assertThatThrownBy(() -> stack.launch(settings.context(hog))).as("starting a gateway its limit kills")
          .isInstanceOf(GatewayStartException.class)
          .hasMessageStartingWith("Stub hog was OOM-killed by its 32 MiB memory limit (exit 137) before it was ready at GET "
              + "http://127.0.0.1:");
    }
  }
}
