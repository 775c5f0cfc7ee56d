package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySettingsTest {
  @Test
  void defaultsToAPinnedLiteLlmWithOneWorkerAndADummyKeyAgainstTheMock() {
    GatewaySettings settings = GatewaySettings.from(config(Map.of()));
    GatewayContext litellm = settings.context(new LiteLlm());

    assertThat(litellm.setting("version")).isEqualTo("1.106.12");
    assertThat(litellm.integer("workers")).isEqualTo(1);
    assertThat(settings.upstreamApiKey()).isEqualTo(GatewaySettings.DUMMY_API_KEY);
    assertThat(settings.readinessTimeout()).isEqualTo(Duration.ofSeconds(180));
    assertThat(LiteLlm.venv(litellm)).isEqualTo(Path.of(System.getProperty("user.home"),
        ".cache", "gatebench", "venvs", "litellm-1.106.12"));
    assertThat(settings.context(new InferXgate()).optional("bin")).isEmpty();
  }

  @Test
  void eachKindReadsTheEnvironmentNamesOfItsOwnSettings(@TempDir Path dir) throws Exception {
    String binary = Files.setPosixFilePermissions(Files.createFile(dir.resolve("inferxgate")),
        PosixFilePermissions.fromString("rwx------")).toString();
    GatewaySettings settings = GatewaySettings.from(BenchConfig.of(Map.of(), Map.of("GATEBENCH_LITELLM_WORKERS", "4",
        "INFERXGATE_BIN", binary, "LITELLM_URL", "http://localhost:4000",
        "GATEBENCH_INFERXGATE_PORT", "3100"), Map.of()));

    assertThat(settings.context(new LiteLlm()).integer("workers")).isEqualTo(4);
    assertThat(settings.context(new InferXgate()).optional("bin")).contains(binary);
    assertThat(settings.context(new LiteLlm()).externalUrl()).contains(URI.create("http://localhost:4000"));
    assertThat(settings.context(new InferXgate()).fixedPort()).contains(3100);
    assertThat(settings.context(new LiteLlm()).fixedPort()).isEmpty();
  }

  @Test
  void declaresThePortOfStartedKindsAndTheUrlOfKindsFoundRunning() {
    assertThat(GatewayContext.declared(new LiteLlm())).extracting(GatewaySetting::name)
        .containsExactly("gatebench.litellm.version", "gatebench.litellm.workers", "LITELLM_MASTER_KEY",
            "gatebench.litellm.port", "gatebench.litellm.memory", "LITELLM_URL");
    assertThat(GatewayContext.declared(new Direct())).as("the built-in row reads nothing of its own").isEmpty();
    assertThat(GatewayContext.declared(new LiteLlm()).get(2).secret()).as("the master key is a secret").isTrue();
  }

  @Test
  void sendsTheRealKeyOnlyToTheRealProvider() {
    GatewaySettings settings = GatewaySettings.from(config(Map.of("gatebench.upstream", "anthropic",
        "ANTHROPIC_API_KEY", "sk-ant-real")));

    assertThat(settings.upstreamApiKey()).isEqualTo("sk-ant-real");
  }

  @Test
  void capsMemoryAtTheRowsOwnSizeAndRefusesSizesDockerWouldNot() {
    assertThat(context(Map.of()).memoryLimit()).as("unset: the stack's own 1 GiB").isEmpty();
    assertThat(context(Map.of("gatebench.litellm.memory", "2g")).memoryLimit()).hasValue(2L << 30);
    assertThat(GatewaySettings.from(config(Map.of())).context(GatewayRow.parse("litellm[workers=4,memory=1536m]", new LiteLlm()))
        .memoryLimit()).as("a variant's own cap").hasValue(1536L << 20);
    assertThat(GatewaySettings.from(config(Map.of("gatebench.litellm.memory", "2g"))).context(new Direct())
        .memoryLimit()).as("the built-in row runs in no cgroup of its own").isEmpty();
    assertThatThrownBy(() -> context(Map.of("gatebench.litellm.memory", "lots")).memoryLimit())
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.litellm.memory must be a memory size like 1g or 1536m but was 'lots'; "
            + "e.g. -Dgatebench.litellm.memory=2g");
    assertThatThrownBy(() -> context(Map.of("gatebench.litellm.memory", "1m")).memoryLimit())
        .isInstanceOf(BenchConfigException.class)
        .hasMessageStartingWith("gatebench.litellm.memory must be at least 6m (Docker's minimum) but was '1m'");
  }

  @Test
  void rejectsWorkerCountsOutsideTheRange() {
    assertThatThrownBy(() -> context(Map.of("gatebench.litellm.workers", "0")).integer("workers"))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.litellm.workers must be in 1..64 but was 0; e.g. -Dgatebench.litellm.workers=4");
    assertThatThrownBy(() -> context(Map.of("gatebench.litellm.workers", "many")).integer("workers"))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.litellm.workers must be a whole number but was 'many'; "
            + "e.g. -Dgatebench.litellm.workers=4");
  }

  @Test
  void rejectsAVersionRangeAndAnExternalUrlWithoutAHost() {
    assertThatThrownBy(() -> context(Map.of("gatebench.litellm.version", "1.x")).setting("version"))
        .hasMessageStartingWith("gatebench.litellm.version must be an exact version like 1.106.12 but was '1.x'");
    assertThatThrownBy(() -> GatewaySettings.from(config(Map.of("INFERXGATE_URL", "localhost")))
        .context(new InferXgate()).externalUrl())
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("INFERXGATE_URL must be an absolute URL like http://localhost:3000 but was 'localhost'; "
            + "e.g. INFERXGATE_URL=http://localhost:3000");
  }

  private static GatewayContext context(Map<String, String> props) {
    return GatewaySettings.from(config(props)).context(new LiteLlm());
  }

  private static BenchConfig config(Map<String, String> props) {
    return BenchConfig.of(props, Map.of(), Map.of());
  }
}
