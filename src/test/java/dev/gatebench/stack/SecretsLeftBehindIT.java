package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatebench.gateway.Probe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary keys through a real LiteLLM in a forked JVM, for every way a run ends: normally, failing,
 * Ctrl-C, {@code kill -9}. Afterwards no file in the fork's temp folder, its project folders (target/,
 * k6/results, allure-results, its console) or gatebench's cache holds either key. Two to four minutes
 * (each ending starts LiteLLM once; the first run on a machine also installs it): a failsafe test, run
 * by plain {@code mvn verify}, alone with {@code -Dit.test=SecretsLeftBehindIT}.
 */
@Tag("benchmark")
@Tag("secrets")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SecretsLeftBehindIT {
  private static final String SUITE = "dev.gatebench.suites.BaselineLatencyIT";
  private static final String STACK_MAIN = "dev.gatebench.cli.StackMain";
  /** Long enough for the first use, which installs LiteLLM into the cached virtualenv. */
  private static final Duration FIRST_START = Duration.ofMinutes(6);
  private static final Duration EXIT = Duration.ofSeconds(60);
  private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "gatebench");

  private final String masterKey = "sk-canary-" + UUID.randomUUID();
  private final String anthropicKey = "sk-ant-canary-" + UUID.randomUUID();
  @TempDir Path caseDir;
  private FileTime started;

  @BeforeEach
  void needsPython() {
    assumeTrue(LiteLlmProcessTest.onPath("python3"), "python3 is not installed: LiteLLM cannot run here");
    started = FileTime.from(Instant.now().minusSeconds(1));
  }

  @Test
  void aSuiteThatEndsNormallyLeavesNoKeyOnDisk() throws Exception {
    try (ForkedJvm jvm = suite(Map.of("gatebench.gateways", "litellm,direct", "gatebench.timeScale", "0.05",
        "gatebench.mock.ttft", "25ms", "gatebench.mock.itl", "1ms"))) {
      assertThat(jvm.awaitExit(FIRST_START)).as("exit code; console:\n%s", jvm.console()).isZero();

      assertThat(jvm.project().resolve("k6/results")).as("result files").isDirectoryContaining("glob:**.json");
      assertThat(jvm.project().resolve("allure-results")).as("Allure results").isNotEmptyDirectory();
      assertThat(jvm.project().resolve("target/gatebench-report/report.html")).as("the report").exists();
      assertThat(jvm.project().resolve("target/gatebench-logs/litellm.log")).as("LiteLLM's log").exists();
      assertNoKeyLeftBehind(jvm);
    }
  }

  @Test
  void aSuiteWhoseGatewayFailsToStartLeavesNoKeyOnDisk() throws Exception {
    try (ForkedJvm jvm = suite(Map.of("gatebench.gateways", "litellm", "gatebench.readinessTimeout", "1s"))) {
      assertThat(jvm.awaitExit(FIRST_START)).as("exit code; console:\n%s", jvm.console()).isEqualTo(1);

      assertThat(jvm.console()).contains("LiteLLM was not ready after 1 s");
      assertNoKeyLeftBehind(jvm);
    }
  }

  @Test
  void ctrlCWhileASuiteDrivesLiteLlmLeavesNoKeyOnDisk() throws Exception {
    int port = Ports.free();
    try (ForkedJvm jvm = suite(Map.of("gatebench.gateways", "litellm", "gatebench.litellm.port",
        Integer.toString(port)))) {
      jvm.await("LiteLLM ready on port " + port, FIRST_START, () -> ready(port));
      Thread.sleep(5_000); // past the mock warm-up: the suite's requests go through LiteLLM

      jvm.signal("INT");

      assertThat(jvm.awaitExit(EXIT)).as("exit code after SIGINT; console:\n%s", jvm.console()).isEqualTo(130);
      assertNoKeyLeftBehind(jvm);
    }
  }

  @Test
  void ctrlCOfTheStackCommandWithTheRealProviderKeyLeavesNoKeyOnDisk() throws Exception {
    try (ForkedJvm jvm = anthropicStack()) {
      jvm.await("stack ready", FIRST_START, () -> consoleContains(jvm, "stack ready"));
      assertThat(litellmConfig()).as("LiteLLM's config while it runs")
          .contains("os.environ/ANTHROPIC_API_KEY", "os.environ/LITELLM_MASTER_KEY");

      jvm.signal("INT");

      assertThat(jvm.awaitExit(EXIT)).as("exit code after SIGINT; console:\n%s", jvm.console()).isEqualTo(130);
      assertNoKeyLeftBehind(jvm);
    }
  }

  @Test
  void killMinus9OfTheStackCommandLeavesNoKeyOnDiskAndTheNextStartRemovesItsFolder() throws Exception {
    try (ForkedJvm jvm = anthropicStack()) {
      jvm.await("stack ready", FIRST_START, () -> consoleContains(jvm, "stack ready"));

      jvm.signal("KILL");
      jvm.awaitExit(EXIT);

      assertThat(SecretScan.of(scanRoots(), keys(), started).findings()).as("files holding a key").isEmpty();
      assertThat(stackFolders()).as("the killed JVM's temp folder, holding references only").hasSize(1);
      jvm.close(); // the orphaned LiteLLM
      PrivateDir.removeOrphans(caseDir.resolve("tmp"));
      assertThat(stackFolders()).as("temp folders after the next start's sweep").isEmpty();
    }
  }

  private ForkedJvm suite(Map<String, String> settings) throws Exception {
    Map<String, String> properties = new HashMap<>(settings);
    properties.put("gatebench.stack", "processes");
    return ForkedJvm.start(caseDir, SuiteLauncherMain.class.getName(), List.of(SUITE), properties,
        Map.of("LITELLM_MASTER_KEY", masterKey));
  }

  /** The real provider's key path without the network: the stack starts, no request is sent. */
  private ForkedJvm anthropicStack() throws Exception {
    return ForkedJvm.start(caseDir, STACK_MAIN, List.of(), Map.of("gatebench.stack", "processes",
        "gatebench.gateways", "litellm", "gatebench.upstream", "anthropic"),
        Map.of("LITELLM_MASTER_KEY", masterKey, "ANTHROPIC_API_KEY", anthropicKey));
  }

  private void assertNoKeyLeftBehind(ForkedJvm jvm) throws Exception {
    assertThat(jvm.survivors()).as("processes the JVM started that outlived it").isEmpty();
    assertThat(stackFolders()).as("gatebench-stack-* temp folders left").isEmpty();
    SecretScan scan = SecretScan.of(scanRoots(), keys(), started);
    assertThat(scan.filesRead()).as("files scanned").isPositive();
    assertThat(scan.findings()).as("files holding a key").isEmpty();
  }

  private List<Path> scanRoots() {
    return List.of(caseDir, CACHE, Path.of(System.getProperty("java.io.tmpdir")));
  }

  private List<String> keys() {
    return List.of(masterKey, anthropicKey);
  }

  private List<Path> stackFolders() throws Exception {
    try (Stream<Path> entries = Files.list(caseDir.resolve("tmp"))) {
      return entries.filter(p -> p.getFileName().toString().startsWith(PrivateDir.PREFIX)).toList();
    }
  }

  private String litellmConfig() throws Exception {
    return Files.readString(stackFolders().getFirst().resolve("litellm").resolve("litellm-config.yaml"));
  }

  private static boolean ready(int port) {
    return Readiness.check(URI.create("http://127.0.0.1:" + port), Probe.get("/health/readiness")).equals("200");
  }

  private static boolean consoleContains(ForkedJvm jvm, String text) {
    try {
      return jvm.console().contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
