package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.LiteLlm;
import dev.gatebench.gateway.GatewayStartException;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the processes stack says when LiteLLM cannot be installed or started: one clear error each,
 * kept with the row (its rows fail, other rows still run).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessStackFailureTest {
  private static final UpstreamEndpoint UPSTREAM =
      new UpstreamEndpoint(URI.create("http://127.0.0.1:9"), Optional.empty(), Optional.empty(), false);

  @TempDir Path cache;
  @TempDir Path logs;

  @Test
  void refusesAPortThatAnotherProcessListensOn() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThat(startFailure(config(Map.of("gatebench.litellm.port", Integer.toString(port)))))
          .hasMessage("LiteLLM cannot start: port " + port + " taken on 127.0.0.1 by another process; stop that "
              + "process, or unset gatebench.litellm.port so that gatebench picks a free port");
    }
  }

  @Test
  void skipsLiteLlmNamingTheMissingPythonAndTheSettingThatFixesIt() {
    try (Stack stack = Stack.start(config(Map.of("gatebench.python", "/nonexistent/python3")), UPSTREAM)) {
      assertThat(stack.availability()).singleElement().satisfies(row -> {
        assertThat(row.isAvailable()).isFalse();
        assertThat(row.unavailableReason()).contains("litellm skipped: python '/nonexistent/python3' was not "
            + "found or is not executable; install Python 3.11-3.13 or point gatebench.python at one, e.g. "
            + "-Dgatebench.python=/usr/bin/python3");
      });
    }
  }

  @Test
  void reportsPipsOutputWhenTheInstallFailsAndMarksNothingInstalled() {
    assertThat(LiteLlmProcessTest.onPath("python3")).as("python3 on PATH for this test").isTrue();
    Path venv = cache.resolve("venvs").resolve("litellm-0.0.0-nonexistent");

    assertThat(startFailure(config(Map.of("gatebench.litellm.version", "0.0.0-nonexistent"))))
        .hasMessageStartingWith("LiteLLM cannot be installed: pip install litellm[proxy]==0.0.0-nonexistent in " + venv
            + " failed with exit code 1; fix the cause below, or pin another version with "
            + "-Dgatebench.litellm.version=1.106.12. Last lines of its output:\n")
        .hasMessageContaining("0.0.0-nonexistent");
    assertThat(venv.resolve(".gatebench-installed")).doesNotExist();
  }

  @Test
  void givesUpWhenLiteLlmNeverBecomesReadyWithTheTailOfItsLog() throws Exception {
    fakeLiteLlm("echo \"fake litellm importing, args: $*\"\necho 'still importing'\nexec sleep 300\n");
    int port = Ports.free();

    assertThat(startFailure(config(Map.of("gatebench.readinessTimeout", "2s",
        "gatebench.litellm.port", Integer.toString(port)))))
        .hasMessageStartingWith("LiteLLM was not ready after 2 s: GET http://127.0.0.1:" + port
            + "/health/readiness last answered ")
        .hasMessageEndingWith("(last lines in the cause below), or raise -Dgatebench.readinessTimeout=300s if it is "
            + "only slow")
        .cause().as("the log's tail")
        .hasMessageContaining("fake litellm importing, args: --config ")
        .hasMessageContaining("--host 127.0.0.1 --port " + port + " --num_workers 1")
        .hasMessageEndingWith("still importing");
    assertThat(PortOwner.listeningInodes(port)).isEmpty();
  }

  @Test
  void saysWhenLiteLlmExitsBeforeItIsReady() throws Exception {
    fakeLiteLlm("echo 'ImportError: no module named uvicorn'\nexit 3\n");

    assertThat(startFailure(config(Map.of())))
        .hasMessageStartingWith("LiteLLM exited with status 3 before it was ready at GET http://127.0.0.1:")
        .cause().as("the log's tail").hasMessageEndingWith("ImportError: no module named uvicorn");
  }

  @Test
  void keepsSecretsOutOfTheLogAndTheConfigFilePrivate() throws Exception {
    fakeLiteLlm("echo \"config: $2\"\nls -l \"$2\"\nexit 3\n");
    Map<String, String> settings = Map.of("LITELLM_MASTER_KEY", "sk-master-secret-123");

    startFailure(config(settings));

    String log = Files.readString(logs.resolve("litellm.log"));
    assertThat(log).contains("-rw------- ").doesNotContain("sk-master-secret-123");
  }

  private static GatewayStartException startFailure(BenchConfig config) {
    try (Stack stack = Stack.start(config, UPSTREAM)) {
      return stack.availability().getFirst().startFailure()
          .orElseThrow(() -> new AssertionError("litellm should have failed to start"));
    }
  }

  private void fakeLiteLlm(String script) throws Exception {
    Path venv = LiteLlm.venv(GatewaySettings.from(config(Map.of())).context(new LiteLlm()));
    Path bin = Files.createDirectories(venv.resolve("bin")).resolve("litellm");
    Files.writeString(bin, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(venv.resolve(".gatebench-installed"), GatewaySettings.LITELLM_VERSION + "\n");
  }

  private BenchConfig config(Map<String, String> extra) {
    Map<String, String> props = new HashMap<>(Map.of("gatebench.stack", "processes", "gatebench.gateways", "litellm",
        "gatebench.cacheDir", cache.toString(), "gatebench.logDir", logs.toString()));
    props.putAll(extra);
    return BenchConfig.of(props, Map.of(), Map.of());
  }

}
