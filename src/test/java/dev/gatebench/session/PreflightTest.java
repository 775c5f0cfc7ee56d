package dev.gatebench.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {
  @TempDir Path dir;

  private BenchConfig config(String... keyValues) {
    Map<String, String> props = new HashMap<>(Map.of("gatebench.resultsDir", dir.resolve("results").toString(),
        "gatebench.gateways", "direct", "gatebench.stack", "processes"));
    for (int i = 0; i < keyValues.length; i += 2) props.put(keyValues[i], keyValues[i + 1]);
    return BenchConfig.of(props, Map.of(), Map.of());
  }

  @Test
  void goodSettingsPassAndLeaveNoProbeFileBehind() throws IOException {
    assertThatNoException().isThrownBy(() -> Preflight.check(config()));

    try (var files = Files.list(dir.resolve("results"))) {
      assertThat(files.toList()).as("results folder after the write probe").isEmpty();
    }
  }

  @Test
  void listsEveryProblemInOneMessageEachWithItsSettingValueAndFix() {
    assertThatThrownBy(() -> Preflight.check(config("gatebench.timeScale", "0", "TEST_MAX_TOKENS", "-5",
        "gatebench.mock.ttft", "fast", "gatebench.litellm.workers", "-2")))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("4 settings to fix before gatebench can run (nothing was started):"
            + " (1) gatebench.timeScale must be in (0, 1] but was '0'; e.g. -Dgatebench.timeScale=0.05 for a smoke run"
            + " (2) gatebench.mock.ttft must be a duration, a number and a unit (ns, us, ms, s, m, h or d), or "
            + "several as in 1m30s, but was 'fast'; e.g. -Dgatebench.mock.ttft=250ms"
            + " (3) TEST_MAX_TOKENS must be >= 1 but was -5; e.g. TEST_MAX_TOKENS=100"
            + " (4) gatebench.litellm.workers must be in 1..64 but was -2; e.g. -Dgatebench.litellm.workers=4");
  }

  @Test
  void aProblemSeenByTwoChecksIsListedOnce() {
    assertThatThrownBy(() -> Preflight.check(config("gatebench.gateways", "direct,litellm",
        "gatebench.litellm.port", "abc")))
        .hasMessage("gatebench.litellm.port must be a whole number but was 'abc'; e.g. -Dgatebench.litellm.port=4000");
  }

  @Test
  void aResultsFolderThatIsAFileIsFoundBeforeTheRun() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> Preflight.check(config("gatebench.resultsDir", file.toString())))
        .hasMessage("gatebench.resultsDir=" + file + " is a file, not a folder; point -Dgatebench.resultsDir at a "
            + "writable folder (it is created if missing)");
  }

  @Test
  void aPortOutOfRangeOrTakenIsNamed() throws IOException {
    assertThatThrownBy(() -> Preflight.check(config("gatebench.litellm.port", "70000")))
        .hasMessageStartingWith("gatebench.litellm.port must be a port in 1..65535 but was 70000");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> Preflight.check(config("gatebench.gateways", "litellm",
          "gatebench.litellm.port", Integer.toString(taken.getLocalPort()))))
          .hasMessageStartingWith("gatebench.litellm.port=" + taken.getLocalPort() + " is taken on 127.0.0.1");
    }
  }

  @Test
  void anExternalGatewayThatDoesNotAnswerIsAProblemNotASkip() throws IOException {
    int refusing;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refusing = socket.getLocalPort();
    }

    assertThatThrownBy(() -> Preflight.check(config("gatebench.stack", "external", "gatebench.gateways",
        "direct,litellm", "LITELLM_URL", "http://127.0.0.1:" + refusing)))
        .hasMessageStartingWith("LITELLM_URL=http://127.0.0.1:" + refusing + " does not answer GET http://127.0.0.1:"
            + refusing + "/health/readiness with 2xx")
        .hasMessageEndingWith("so litellm cannot run; start LiteLLM there or fix LITELLM_URL, or leave litellm out "
            + "with -Dgatebench.gateways=direct");
  }

  @Test
  void aChecksValueThatIsNeitherEnforceNorReportIsListedWithTheOtherSettings() {
    assertThatThrownBy(() -> Preflight.check(config("gatebench.checks", "off", "gatebench.timeScale", "2")))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("2 settings to fix before gatebench can run (nothing was started):"
            + " (1) gatebench.timeScale must be in (0, 1] but was '2'; e.g. -Dgatebench.timeScale=0.05 for a smoke run"
            + " (2) gatebench.checks must be enforce or report but was 'off'; -Dgatebench.checks=report records a "
            + "gateway row's failed checks without failing it, -Dgatebench.checks=enforce (the default) fails the row");
  }

  @Test
  void aMisspelledSettingIsNamedWithTheOneMeant() {
    assertThatThrownBy(() -> Preflight.check(BenchConfig.of(Map.of("gatebench.resultsDir",
        dir.toString(), "gatebench.gateways", "direct"), Map.of("GATEBENCH_TIMESCALE", "0.05"), Map.of())))
        .hasMessage("GATEBENCH_TIMESCALE is not a gatebench setting, so it would be ignored; did you mean "
            + "GATEBENCH_TIME_SCALE?");
  }

  @Test
  void aVariantNamingNoSettingOfItsGatewayIsAProblemListingItsSettings() {
    assertThatThrownBy(() -> Preflight.check(config("gatebench.gateways", "direct,litellm,litellm[wokers=4]")))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.gateways entry 'litellm[wokers=4]' names 'wokers', which is no setting of litellm; its "
            + "settings are [version, workers, port, memory, url], e.g. litellm[version=1.106.12]");
  }

  @Test
  void twoRowsOfOneGatewayCannotShareAFixedPort() {
    assertThatThrownBy(() -> Preflight.check(config("gatebench.gateways", "litellm,litellm[workers=4]",
        "gatebench.litellm.port", "4000", "gatebench.stack", "external", "LITELLM_URL", "http://127.0.0.1:1")))
        .hasMessageContaining("gatebench.litellm.port=4000 is fixed for both litellm and litellm[workers=4], which "
            + "cannot share a port; give the variant its own, e.g. litellm[workers=4,port=4001]");
  }

  @Test
  void aGatewaysOwnSettingIsCheckedAndKnownToTheMisspellingCheck() {
    assertThatThrownBy(() -> Preflight.check(config("gatebench.nginx.workers", "0")))
        .hasMessage("gatebench.nginx.workers must be in 1..64 but was 0; e.g. -Dgatebench.nginx.workers=2");
    assertThatThrownBy(() -> Preflight.check(config("gatebench.portkey.Version", "1.15.2")))
        .hasMessage("gatebench.portkey.Version is not a gatebench setting, so it would be ignored; did you mean "
            + "gatebench.portkey.version?");
  }

  @Test
  void anInferXgateBinaryThatIsNoExecutableFileIsFoundBeforeTheRunOnEveryStack() {
    for (String stack : new String[] {"processes", "containers"}) {
      assertThatThrownBy(() -> Preflight.check(config("gatebench.gateways", "direct,inferxgate", "gatebench.stack",
          stack, "INFERXGATE_BIN", dir.toString()))).as("INFERXGATE_BIN a folder, gatebench.stack=%s", stack)
          .hasMessage("INFERXGATE_BIN=" + dir + " is not an executable file (it is a folder); point it at a built "
              + "InferXgate binary (see InferXgate's own build instructions), or unset it");
    }
  }
}
