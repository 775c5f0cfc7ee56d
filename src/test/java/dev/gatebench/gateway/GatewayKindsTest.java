package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayKindsTest {
  private static final URI BASE = URI.create("http://127.0.0.1:4000");

  @Test
  void listsEveryKindInReportOrderAndSelectsAllByDefault() {
    assertThat(GatewayKinds.names()).containsExactly("direct", "nginx", "litellm", "inferxgate", "portkey",
        "bifrost");
    assertThat(GatewayKinds.select(List.of())).isEqualTo(GatewayKinds.all());
  }

  @Test
  void selectsInTheOrderGivenWithoutDuplicates() {
    assertThat(GatewayKinds.select(List.of("inferxgate", "direct", "inferxgate")))
        .extracting(GatewayKind::name).containsExactly("inferxgate", "direct");
  }

  @Test
  void probesInferXgateWithPostAndLiteLlmOnItsReadinessPath() {
    assertThat(new InferXgate().readiness()).isEqualTo(Probe.post("/health"));
    assertThat(new LiteLlm().readiness()).isEqualTo(Probe.get("/health/readiness"));
    assertThat(new InferXgate().metricsUrl(BASE)).contains(URI.create("http://127.0.0.1:4000/metrics"));
    assertThat(new LiteLlm().metricsUrl(BASE)).isEmpty();
  }

  @Test
  void authenticatesOnlyAtLiteLlmWithTheMasterKey() {
    GatewaySettings settings = GatewaySettings.from(dev.gatebench.config.BenchConfig.of(
        java.util.Map.of("LITELLM_MASTER_KEY", "sk-master"), java.util.Map.of(), java.util.Map.of()));

    assertThat(new LiteLlm().authHeaders(settings)).containsExactly(java.util.Map.entry("Authorization",
        "Bearer sk-master"));
    assertThat(new InferXgate().authHeaders(settings)).isEmpty();
  }

  @Test
  void aRunningGatewayDerivesItsUrlsFromItsBase() {
    RunningGateway gateway = new RunningGateway(new InferXgate(), BASE, java.util.Map.of(), "unknown",
        java.util.Map.of(), java.util.Optional.empty());

    assertThat(gateway.chatCompletionsUrl()).isEqualTo(URI.create("http://127.0.0.1:4000/v1/chat/completions"));
    assertThat(gateway.readinessUrl()).isEqualTo(URI.create("http://127.0.0.1:4000/health"));
    assertThat(gateway.pid()).isEmpty();
    assertThat(gateway).hasToString("InferXgate");
  }
}
