package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayKindsTest {
  private static final URI BASE = URI.create("http://127.0.0.1:4000");

  @Test
  void findsTheBuiltInKindsInReportOrderFirstAndSelectsAllByDefault() {
    assertThat(GatewayKinds.names()).as("kinds found on the class path")
        .startsWith("direct", "nginx", "litellm", "inferxgate", "portkey", "bifrost");
    assertThat(GatewayKinds.select(List.of())).extracting(GatewayRow::kind)
        .isEqualTo(GatewayKinds.all().stream().filter(GatewayKind::selectedByDefault).toList());
  }

  @Test
  void selectsInTheOrderGivenWithoutDuplicates() {
    assertThat(GatewayKinds.select(List.of("inferxgate", "direct", "inferxgate")))
        .extracting(GatewayRow::name).containsExactly("inferxgate", "direct");
  }

  @Test
  void aVariantIsARowOfItsOwnWithItsSettingForThatRowOnly() {
    List<GatewayRow> rows = GatewayKinds.select(BenchConfig.of(Map.of("gatebench.gateways",
        "direct,LiteLLM,litellm[workers=4]"), Map.of(), Map.of()).gateways());
    GatewaySettings settings = GatewaySettings.from(BenchConfig.of(Map.of("gatebench.litellm.workers", "2"),
        Map.of(), Map.of()));

    assertThat(rows).extracting(GatewayRow::name).containsExactly("direct", "litellm", "litellm[workers=4]");
    assertThat(settings.context(rows.get(1)).integer("workers")).as("plain row").isEqualTo(2);
    assertThat(settings.context(rows.get(2)).integer("workers")).as("variant").isEqualTo(4);
    assertThat(rows.get(2).fileName()).isEqualTo("litellm-workers-4");
    assertThat(rows.get(2).displayName()).isEqualTo("LiteLLM [workers=4]");
  }

  @Test
  void anUnknownVariantSettingNamesTheKindsSettings() {
    assertThatThrownBy(() -> GatewayKinds.select(List.of("litellm[threads=4]")))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.gateways entry 'litellm[threads=4]' names 'threads', which is no setting of litellm; "
            + "its settings are [version, workers, port, memory, url], e.g. litellm[version=1.106.12]");
  }

  @Test
  void aVariantValueIsCheckedAndASecretIsNoVariant() {
    assertThatThrownBy(() -> GatewayKinds.select(List.of("litellm[workers=0]")))
        .hasMessage("gatebench.gateways entry 'litellm[workers=0]': gatebench.litellm.workers must be in 1..64 but "
            + "was 0; e.g. -Dgatebench.litellm.workers=4");
    assertThatThrownBy(() -> GatewayKinds.select(List.of("litellm[masterKey=sk-1]")))
        .hasMessageStartingWith("gatebench.gateways entry 'litellm[masterKey=sk-1]' sets the secret LITELLM_MASTER_KEY");
  }

  @Test
  void probesInferXgateWithPostAndLiteLlmOnItsReadinessPath() {
    assertThat(new InferXgate().readiness()).isEqualTo(Probe.post("/health"));
    assertThat(new LiteLlm().readiness()).isEqualTo(Probe.get("/health/readiness"));
    assertThat(new RunningGateway(new InferXgate(), BASE, Map.of(), "unknown", Map.of(), Optional.empty())
        .metricsUrl()).contains(URI.create("http://127.0.0.1:4000/metrics"));
    assertThat(new RunningGateway(new LiteLlm(), BASE, Map.of(), "unknown", Map.of(), Optional.empty())
        .metricsUrl()).isEmpty();
  }

  @Test
  void authenticatesOnlyAtLiteLlmWithTheMasterKey() {
    GatewaySettings settings = GatewaySettings.from(BenchConfig.of(Map.of("LITELLM_MASTER_KEY", "sk-master"),
        Map.of(), Map.of()));
    UpstreamEndpoint upstream = UpstreamEndpoint.anthropic();

    assertThat(settings.context(new LiteLlm()).requestHeaders(upstream))
        .containsExactly(Map.entry("Authorization", "Bearer sk-master"));
    assertThat(settings.context(new InferXgate()).requestHeaders(upstream)).isEmpty();
  }

  @Test
  void aRunningGatewayDerivesItsUrlsFromItsBase() {
    RunningGateway gateway = new RunningGateway(new InferXgate(), BASE, Map.of(), "unknown", Map.of(),
        Optional.empty());

    assertThat(gateway.chatCompletionsUrl()).isEqualTo(URI.create("http://127.0.0.1:4000/v1/chat/completions"));
    assertThat(gateway.readinessUrl()).isEqualTo(URI.create("http://127.0.0.1:4000/health"));
    assertThat(gateway.pid()).isEmpty();
    assertThat(gateway).hasToString("InferXgate");
  }
}
