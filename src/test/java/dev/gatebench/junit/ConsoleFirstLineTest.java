package dev.gatebench.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads first on the console for a bad setting: every case runs {@link TinyBenchmark}
 * in one forked JVM (a clean working directory, no gatebench variables inherited) through
 * {@link ConsoleRun}, which prints failures the way surefire does.
 */
class ConsoleFirstLineTest {
  private static final String CONFIG = "dev.gatebench.config.BenchConfigException: ";
  @TempDir static Path dir;
  private static Map<String, List<String>> console;
  private static int takenPort;

  @BeforeAll
  static void runAllCases() throws Exception {
    Path aFile = Files.writeString(dir.resolve("a-file"), "x");
    Path emptyJson = Files.writeString(dir.resolve("empty.json"), "{}");
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "not json at all");
    Path noBaselines = Files.createDirectories(dir.resolve("no-baselines"));
    Path badEnv = Files.writeString(dir.resolve("bad.env"), "TEST_MODEL=m\nFOO\n");
    Path crashing = Files.writeString(dir.resolve("crashing-gateway"), "#!/bin/sh\necho 'bind failed'\nexit 3\n");
    Files.setPosixFilePermissions(crashing, PosixFilePermissions.fromString("rwx------"));
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      takenPort = taken.getLocalPort();
      int refusing = closed.getLocalPort();
      closed.close();
      console = run(List.of(
          "zero::gatebench.timeScale=0",
          "abc::gatebench.timeScale=abc",
          "three::gatebench.timeScale=2::TEST_MAX_TOKENS=-5::TEST_TEMPERATURE=hot",
          "stack::gatebench.stack=kubernetes",
          "gateway::gatebench.gateways=direct,nosuch",
          "ttft::gatebench.mock.ttft=fast",
          "resultsFile::gatebench.resultsDir=" + aFile,
          "baselineEmpty::gatebench.baseline=" + emptyJson,
          "baselineGarbage::gatebench.baseline=" + garbage,
          "baselineFolder::gatebench.baseline=" + noBaselines,
          "external::gatebench.stack=external::gatebench.gateways=direct,litellm::LITELLM_URL=http://127.0.0.1:"
              + refusing,
          "port::gatebench.stack=processes::gatebench.gateways=direct,litellm::gatebench.litellm.port=" + takenPort,
          "typo::gatebench.timescale=0.05",
          "envFolder::gatebench.envFile=" + dir,
          "envLine::gatebench.envFile=" + badEnv,
          "bare::class=WithoutExtension::TEST_MAX_TOKENS=-5",
          "machineSkip::gatebench.stack=processes::gatebench.gateways=inferxgate::gatebench.timeScale=0.05"
              + "::gatebench.mock.ttft=1ms::gatebench.mock.itl=0ms::gatebench.resultsDir=" + dir.resolve("results"),
          "startFails::gatebench.stack=processes::gatebench.gateways=direct,inferxgate::INFERXGATE_BIN=" + crashing
              + "::gatebench.timeScale=0.05::gatebench.mock.ttft=1ms::gatebench.mock.itl=0ms::gatebench.resultsDir="
              + dir.resolve("results-start")));
    }
  }

  @Test
  void aBadSettingIsTheFirstLineOfTheFailureNotJUnitsWrapper() {
    assertThat(first("zero")).as("console of -Dgatebench.timeScale=0").isEqualTo("FAILED TinyBenchmark: " + CONFIG
        + "gatebench.timeScale must be in (0, 1] but was '0'; e.g. -Dgatebench.timeScale=0.05 for a smoke run");
    assertThat(first("abc")).contains(CONFIG + "gatebench.timeScale must be a number but was 'abc'");
    assertThat(first("stack")).contains(CONFIG + "gatebench.stack must be one of [auto, processes, containers, "
        + "external] but was 'kubernetes'");
    assertThat(first("gateway")).contains(CONFIG + "gatebench.gateways names unknown gateways [nosuch]");
    assertThat(first("ttft")).contains(CONFIG + "gatebench.mock.ttft must be a duration, a number and a unit");
    assertThat(first("typo")).contains(CONFIG + "gatebench.timescale is not a gatebench setting, so it would be "
        + "ignored; did you mean gatebench.timeScale?");
  }

  @Test
  void everyBadSettingIsListedInOneFirstLine() {
    assertThat(first("three")).as("console of three bad settings")
        .startsWith("FAILED TinyBenchmark: " + CONFIG + "3 settings to fix before gatebench can run (nothing was "
            + "started): (1) gatebench.timeScale must be in (0, 1] but was '2'")
        .contains("(2) TEST_MAX_TOKENS must be >= 1 but was -5; e.g. TEST_MAX_TOKENS=100",
            "(3) TEST_TEMPERATURE must be a number but was 'hot'; e.g. TEST_TEMPERATURE=0.7");
  }

  @Test
  void filesThatWouldFailAfterTheMeasurementFailBeforeIt() {
    assertThat(first("resultsFile")).contains(CONFIG + "gatebench.resultsDir=" + dir.resolve("a-file")
        + " is a file, not a folder");
    assertThat(first("baselineEmpty")).contains("gatebench.baseline: " + dir.resolve("empty.json")
        + " is not a gatebench baseline (no \"format\": \"gatebench-baseline/1\" field)");
    assertThat(first("baselineGarbage")).contains("is not a gatebench baseline (not valid JSON)");
    assertThat(first("baselineFolder")).contains("gatebench.baseline: the folder " + dir.resolve("no-baselines")
        + " holds no baseline");
  }

  @Test
  void anExternalGatewayThatDoesNotAnswerFailsTheRunInsteadOfBeingSkipped() {
    assertThat(first("external")).startsWith("FAILED TinyBenchmark: " + CONFIG + "LITELLM_URL=http://127.0.0.1:")
        .contains("does not answer GET", "so litellm cannot run", "-Dgatebench.gateways=direct");
  }

  @Test
  void aTakenFixedPortAndABadEnvFileAreNamedFirst() {
    assertThat(first("port")).contains(CONFIG + "gatebench.litellm.port=" + takenPort
        + " is taken on 127.0.0.1 by another process");
    assertThat(first("envFolder")).contains(CONFIG + "gatebench.envFile=" + dir + " is not a readable file (it is a "
        + "folder)");
    assertThat(first("envLine")).contains(CONFIG + dir.resolve("bad.env") + " line 2: 'FOO' is not KEY=VALUE");
  }

  @Test
  void aSuiteWithoutTheExtensionStillShowsGatebenchsMessageFirst() {
    assertThat(first("bare")).as("console when the session starts while JUnit supplies arguments")
        .contains(CONFIG + "TEST_MAX_TOKENS must be >= 1 but was -5")
        .doesNotContain("does not override");
  }

  @Test
  void aRowSkippedForWantOfABinaryIsSaidOnTheConsoleAndDoesNotFailTheRun() {
    assertThat(console.get("machineSkip")).as("console of a run without INFERXGATE_BIN")
        .anyMatch(l -> l.startsWith("gatebench: inferxgate skipped:") && l.contains("INFERXGATE_BIN"))
        .anyMatch(l -> l.startsWith("SKIPPED tiny — inferxgate (skipped): inferxgate skipped:"))
        .noneMatch(l -> l.startsWith("FAILED"));
  }

  @Test
  void aGatewayThatFailsToStartFailsItsRowsWhileTheOtherRowsRun() {
    assertThat(console.get("startFails")).as("console of a run whose inferxgate exits at start")
        .anyMatch(l -> l.startsWith("gatebench: inferxgate failed to start, its rows fail and the others run: "
            + "InferXgate exited with status 3 before it was ready"))
        .anyMatch(l -> l.equals("PASSED tiny — Direct (mock upstream)"))
        .anyMatch(l -> l.startsWith("FAILED") && l.contains("inferxgate")
            && l.contains("GatewayStartException: InferXgate exited with status 3"));
  }

  private static String first(String name) {
    return console.get(name).stream().filter(l -> l.startsWith("FAILED")).findFirst()
        .orElse("(no failure in " + console.get(name) + ")");
  }

  private static Map<String, List<String>> run(List<String> cases) throws IOException, InterruptedException {
    return ConsoleRun.fork(dir, cases);
  }
}
