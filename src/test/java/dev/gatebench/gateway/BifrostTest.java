package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BifrostTest {
  private static final GatewaySettings SETTINGS = GatewaySettings.from(BenchConfig.of(Map.of(), Map.of(), Map.of()));

  static Object[][] everyStack() {
    ProcessRequest request = new ProcessRequest(SETTINGS, UpstreamEndpoint.anthropic(), 4100, Path.of("/tmp"));
    return new Object[][] {
        {"processes", (ThrowingCallable) () -> new Bifrost().process(request)},
        {"containers", (ThrowingCallable) () -> new Bifrost().container(null)},
        {"external", (ThrowingCallable) () -> new Bifrost().externalUrl(SETTINGS)}};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyStack")
  void isSkippedWithTheErrorsMetGettingItOnEveryStack(String stack, ThrowingCallable launch) {
    assertThatThrownBy(launch).as(stack)
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessageStartingWith("bifrost skipped: no bifrost-http binary can be had here")
        .hasMessageContaining("getaddrinfo ENOTFOUND getbifrost.ai")
        .hasMessageContaining("403 Forbidden: This module version is not available");
  }
}
