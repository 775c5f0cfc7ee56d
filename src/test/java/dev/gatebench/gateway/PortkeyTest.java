package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortkeyTest {
  /** A server behind the preload that answers with the custom host it saw, for two requests. */
  private static final String ECHO = """
      import http from 'node:http';
      const server = http.createServer((req, res) => res.end(String(req.headers['x-portkey-custom-host'])));
      server.listen(0, '127.0.0.1', async () => {
        const url = `http://127.0.0.1:${server.address().port}/`;
        const plain = await (await fetch(url)).text();
        const named = await (await fetch(url, {headers: {'x-portkey-custom-host': 'http://127.0.0.1:9/v1'}})).text();
        console.log(plain + ' ' + named);
        server.close();
      });
      """;

  @TempDir Path dir;

  @Test
  void namesTheAnthropicProviderAndTheUpstreamKeyInItsHeaders() {
    assertThat(new Portkey().authHeaders(settings(Map.of())))
        .containsExactlyInAnyOrderEntriesOf(Map.of("x-portkey-provider", "anthropic",
            "Authorization", "Bearer " + GatewaySettings.DUMMY_API_KEY));
  }

  @Test
  void routesToTheMocksAnthropicBaseSinceItAppendsMessages() {
    assertThat(Portkey.customHost(UpstreamEndpoint.mock(URI.create("http://127.0.0.1:18443/"), dir)))
        .isEqualTo("http://127.0.0.1:18443/v1");
  }

  @Test
  void thePreloadGivesTheMockOnlyToRequestsThatNameNoCustomHost() throws Exception {
    assumeTrue(Commands.which("node").isPresent(), "node is not installed (apt-get install nodejs npm)");
    Path preload = Files.writeString(dir.resolve("preload.mjs"), Portkey.PRELOAD);
    Path echo = Files.writeString(dir.resolve("echo.mjs"), ECHO);

    Commands.Result result = runWithEnv(preload, echo);

    assertThat(result.output().strip()).as("custom hosts seen without and with the header")
        .isEqualTo("http://127.0.0.1:18443/v1 http://127.0.0.1:9/v1");
  }

  @Test
  void installsTheExactVersionWithoutItsInstallScripts() {
    PortkeyInstall install = new PortkeyInstall(dir, "1.15.2");

    assertThat(install.installCommand(Path.of("/usr/bin/npm"))).containsExactly("/usr/bin/npm", "install",
        "--prefix", dir.resolve("portkey-1.15.2").toString(), "--ignore-scripts", "--no-audit", "--no-fund",
        "--omit=dev", "@portkey-ai/gateway@1.15.2");
    assertThat(install.startServer()).isEqualTo(
        dir.resolve("portkey-1.15.2/node_modules/@portkey-ai/gateway/build/start-server.js"));
  }

  @Test
  void refusesAVersionRange() {
    assertThatThrownBy(() -> new PortkeyInstall(dir, "^1.15"))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.portkey.version must be an exact version like 1.15.2 but was '^1.15'; ranges are "
            + "refused so that every run installs the same gateway, e.g. -Dgatebench.portkey.version=1.15.2");
  }

  @Test
  void isSkippedWithTheFixWhenNodeIsMissing() {
    assertThatThrownBy(() -> new Portkey().process(new ProcessRequest(
        settings(Map.of("gatebench.portkey.node", "/nonexistent/node")),
        UpstreamEndpoint.mock(URI.create("http://127.0.0.1:18443"), dir), 4100, dir)))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessage("portkey skipped: '/nonexistent/node' was not found on PATH; install Node.js 18+ with npm "
            + "(apt-get install nodejs npm) or point gatebench.portkey.node at it, e.g. "
            + "-Dgatebench.portkey.node=/usr/bin/node");
  }

  @Test
  void isSkippedUnderTheContainersStackUntilItHasAnImage() {
    assertThatThrownBy(() -> new Portkey().container(null))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessage("portkey skipped: it is not available as a container yet; run it as a process with "
            + "-Dgatebench.stack=processes");
  }

  @Test
  void readsItsPinnedVersionFromItsOwnSetting() {
    assertThat(new Portkey().version(settings(Map.of()))).isEqualTo("1.15.2");
    assertThat(new Portkey().version(settings(Map.of("gatebench.portkey.version", "1.14.0")))).isEqualTo("1.14.0");
  }

  private Commands.Result runWithEnv(Path preload, Path echo) throws Exception {
    Path node = Commands.which("node").orElseThrow();
    Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n" + Portkey.CUSTOM_HOST_ENV
        + "=http://127.0.0.1:18443/v1 exec " + node + " --import " + preload.toUri() + " " + echo + "\n");
    return Commands.run(List.of("sh", script.toString()), dir, Duration.ofSeconds(20));
  }

  private GatewaySettings settings(Map<String, String> props) {
    return GatewaySettings.from(BenchConfig.of(props, Map.of(), Map.of()));
  }
}
