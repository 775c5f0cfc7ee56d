package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {
  @Test
  void defaultsToAPinnedLiteLlmWithOneWorkerAndADummyKeyAgainstTheMock() {
    GatewaySettings settings = GatewaySettings.from(config(Map.of()));

    assertThat(settings.litellmVersion()).isEqualTo("1.106.12");
    assertThat(settings.litellmWorkers()).isEqualTo(1);
    assertThat(settings.upstreamApiKey()).isEqualTo(GatewaySettings.DUMMY_API_KEY);
    assertThat(settings.readinessTimeout()).isEqualTo(Duration.ofSeconds(180));
    assertThat(settings.litellmVenv()).isEqualTo(Path.of(System.getProperty("user.home"),
        ".cache", "gatebench", "venvs", "litellm-1.106.12"));
    assertThat(settings.inferxgateBin()).isEmpty();
  }

  @Test
  void readsTheEnvironmentNamesOfItsSettings() {
    BenchConfig config = BenchConfig.of(Map.of(), Map.of("GATEBENCH_LITELLM_WORKERS", "4",
        "INFERXGATE_BIN", "/opt/inferxgate", "LITELLM_URL", "http://localhost:4000",
        "GATEBENCH_INFERXGATE_PORT", "3100"), Map.of());

    GatewaySettings settings = GatewaySettings.from(config);

    assertThat(settings.litellmWorkers()).isEqualTo(4);
    assertThat(settings.inferxgateBin()).contains(Path.of("/opt/inferxgate"));
    assertThat(settings.litellmUrl()).contains(URI.create("http://localhost:4000"));
    assertThat(settings.fixedPort("inferxgate")).contains(3100);
    assertThat(settings.fixedPort("litellm")).isEmpty();
  }

  @Test
  void sendsTheRealKeyOnlyToTheRealProvider() {
    GatewaySettings settings = GatewaySettings.from(config(Map.of("gatebench.upstream", "anthropic",
        "ANTHROPIC_API_KEY", "sk-ant-real")));

    assertThat(settings.upstreamApiKey()).isEqualTo("sk-ant-real");
  }

  @Test
  void rejectsWorkerCountsOutsideTheRange() {
    assertThatThrownBy(() -> GatewaySettings.from(config(Map.of("gatebench.litellm.workers", "0"))))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.litellm.workers must be in 1..64 but was 0; e.g. -Dgatebench.litellm.workers=4");
    assertThatThrownBy(() -> GatewaySettings.from(config(Map.of("gatebench.litellm.workers", "many"))))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.litellm.workers must be a whole number but was 'many'; "
            + "e.g. -Dgatebench.litellm.workers=4");
  }

  @Test
  void rejectsAnExternalUrlWithoutAHost() {
    assertThatThrownBy(() -> GatewaySettings.from(config(Map.of("INFERXGATE_URL", "localhost"))))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("INFERXGATE_URL must be an absolute URL like http://localhost:4000 but was 'localhost'");
  }

  private static BenchConfig config(Map<String, String> props) {
    return BenchConfig.of(props, Map.of(), Map.of());
  }
}
