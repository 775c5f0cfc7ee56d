package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortkeyTest {
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
  void namesTheMocksAnthropicBaseOnEveryRequestButNotTheRealProvider() {
    GatewayContext context = settings(Map.of());

    assertThat(context.requestHeaders(UpstreamEndpoint.mock(URI.create("http://127.0.0.1:18443"), dir)))
        .as("headers against the mock").containsEntry("x-portkey-custom-host", "http://127.0.0.1:18443/v1")
        .containsEntry("x-portkey-provider", "anthropic");
    assertThat(context.requestHeaders(UpstreamEndpoint.anthropic())).as("headers against the real provider")
        .doesNotContainKey("x-portkey-custom-host");
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
  void readsItsPinnedVersionFromItsOwnSetting() {
    assertThat(settings(Map.of()).version()).isEqualTo("1.15.2");
    assertThat(settings(Map.of("gatebench.portkey.version", "1.14.0")).version()).isEqualTo("1.14.0");
  }

  private GatewayContext settings(Map<String, String> props) {
    return GatewaySettings.from(BenchConfig.of(props, Map.of(), Map.of())).context(new Portkey());
  }
}
