package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import java.nio.file.Path;
import java.util.Map;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BifrostTest {
  private static final GatewayContext CONTEXT = GatewaySettings.from(BenchConfig.of(Map.of(), Map.of(), Map.of()))
      .context(new Bifrost());

  static Object[][] everyUpstream() {
    return new Object[][] {
        {"mock", UpstreamEndpoint.mock(URI.create("http://127.0.0.1:18443"), Path.of("/tmp/ca.pem"))},
        {"anthropic", UpstreamEndpoint.anthropic()}};
  }

  /** The check every stack makes before it asks for a process, a container or a URL. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyUpstream")
  void isSkippedWithTheErrorsMetGettingItOnEveryStack(String upstream, UpstreamEndpoint endpoint) {
    assertThatThrownBy(() -> new Bifrost().checkAvailable(CONTEXT, endpoint)).as(upstream)
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessageStartingWith("bifrost skipped: no bifrost-http binary can be had here")
        .hasMessageContaining("getaddrinfo ENOTFOUND getbifrost.ai")
        .hasMessageContaining("403 Forbidden: This module version is not available");
  }
}
