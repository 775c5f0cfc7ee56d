package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.UpstreamEndpoint;
import dev.gatebench.load.Scenario;
import dev.gatebench.run.BenchRun;
import dev.gatebench.run.RowResult;
import dev.gatebench.run.Suite;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway process killed by its own 32 MiB memory limit in the middle of a 60 s row on the processes
 * stack, for real: the perl responder of {@link ContainerOomMidRowTest} as a local process in its own
 * memory cgroup. Skipped, saying why, where gatebench cannot create memory cgroups (not root, no
 * writable cgroup).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProcessOomMidRowTest {
  private static final Duration ROW = Duration.ofSeconds(60);
  private static final Suite SUITE = Suite.of(Scenario.constantVus(5, ROW).thinkTime(Duration.ofMillis(50)))
      .named("oom");
  private static final UpstreamEndpoint NO_UPSTREAM = new UpstreamEndpoint(URI.create("http://127.0.0.1:9"),
      Optional.empty(), Optional.empty(), false);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aGatewayProcessOomKilledMidRowEndsItsRowSayingItWasItsMemoryLimit() throws Exception {
    String limit = HostLimits.detect().facts(32L << 20).get("memory_limit").toString();
    assumeFalse(limit.startsWith("memory limit not enforced"), limit);
    ScriptProcessKind hog = new ScriptProcessKind("hog", ContainerOomMidRowTest.GROWING_RESPONDER);
    BenchConfig config = BenchConfig.of(Map.of("gatebench.logDir", dir.resolve("logs").toString(),
        "gatebench.resultsDir", dir.resolve("results").toString(), "TEST_MODEL", "m", "gatebench.hog.memory", "32m"),
        Map.of(), Map.of());
    GatewaySettings settings = GatewaySettings.from(config);
    try (ProcessStack stack = new ProcessStack(settings, NO_UPSTREAM)) {
      Gateway gateway = stack.launch(settings.context(hog));
      long pid = gateway.process().orElseThrow().pid();

      RowResult row = new BenchRun(config, Optional.empty(), Map.of()).run(SUITE, gateway);

      String reason = "gateway Stub hog (pid " + pid + ") was OOM-killed by its 32 MiB memory limit (exit 137); "
          + "its log: " + gateway.facts().get("log_file");
      assertThat(row.failure()).as("the row's failure").hasValueSatisfying(failure -> assertThat(failure)
          .startsWith("oom against hog was aborted after ").contains(": " + reason));
      assertThat(row.result().testRunDurationMs()).as("ms the %s row ran", ROW).isLessThan(15_000);
      JsonNode kept = JSON.readTree(row.file().toFile());
      assertThat(kept.at("/environment/abortedBy").asText()).as("abortedBy of the result on disk").startsWith(reason);
    }
  }
}
