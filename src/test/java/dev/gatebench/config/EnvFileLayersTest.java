package dev.gatebench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.gateway.GatewaySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** system property > environment > .env.benchmark.local > .env.benchmark > default, read from real files. */
class EnvFileLayersTest {
  @TempDir Path dir;

  static Stream<Arguments> layers() {
    return Stream.of(
        Arguments.of("every layer set", true, true, true, true, "from-property"),
        Arguments.of("no system property", false, true, true, true, "from-environment"),
        Arguments.of("only the files", false, false, true, true, "from-local-file"),
        Arguments.of("only the shared file", false, false, false, true, "from-shared-file"),
        Arguments.of("nothing set", false, false, false, false, Defaults.TEST_MODEL));
  }

  @ParameterizedTest(name = "{0} -> {5}")
  @MethodSource("layers")
  void takesEachSettingFromTheHighestLayerThatSetsIt(String layersSet, boolean property, boolean environment,
      boolean localFile, boolean sharedFile, String expected) throws IOException {
    Path shared = write(".env.benchmark", sharedFile ? "TEST_MODEL=from-shared-file\n" : "# nothing\n");
    write(".env.benchmark.local", localFile ? "TEST_MODEL=from-local-file\n" : "# nothing\n");
    Map<String, String> props = property
        ? Map.of("gatebench.envFile", shared.toString(), "TEST_MODEL", "from-property")
        : Map.of("gatebench.envFile", shared.toString());
    Map<String, String> env = environment ? Map.of("TEST_MODEL", "from-environment") : Map.of();

    assertThat(BenchConfig.load(props, env).testModel()).as("TEST_MODEL with %s", layersSet).isEqualTo(expected);
  }

  @Test
  void aBlankValueInTheLocalFileLeavesTheSharedOne() throws IOException {
    write(".env.benchmark", "LITELLM_MASTER_KEY=sk-shared\nTEST_MAX_TOKENS=100\n");
    write(".env.benchmark.local", "LITELLM_MASTER_KEY=\nTEST_MAX_TOKENS=7\n");

    assertThat(EnvFile.readWithLocal(dir.resolve(".env.benchmark")))
        .containsEntry("LITELLM_MASTER_KEY", "sk-shared").containsEntry("TEST_MAX_TOKENS", "7");
  }

  @Test
  void readsTheLocalFileAloneWhenTheSharedOneIsMissing() throws IOException {
    write(".env.benchmark.local", "TEST_MODEL=only-local\n");

    assertThat(EnvFile.readWithLocal(dir.resolve(".env.benchmark"))).containsExactlyEntriesOf(
        Map.of("TEST_MODEL", "only-local"));
    assertThat(EnvFile.local(Path.of("conf/.env.ci"))).isEqualTo(Path.of("conf/.env.ci.local"));
  }

  @Test
  void anAnthropicKeyInTheLocalFileIsWhatTheMissingKeyMessageSuggests() throws IOException {
    Path shared = write(".env.benchmark", "ANTHROPIC_API_KEY=\n");
    Map<String, String> props = Map.of("gatebench.envFile", shared.toString(), "gatebench.upstream", "anthropic");

    assertThatThrownBy(() -> GatewaySettings.from(BenchConfig.load(props, Map.of())))
        .isInstanceOf(BenchConfigException.class).hasMessageContaining("put it in .env.benchmark.local");

    write(".env.benchmark.local", "ANTHROPIC_API_KEY=anthropic-local-canary\n");
    GatewaySettings settings = GatewaySettings.from(BenchConfig.load(props, Map.of()));

    assertThat(settings.upstreamApiKey()).as("the key gateways send upstream").isEqualTo("anthropic-local-canary");
    assertThat(BenchConfig.load(props, Map.of()).redacted()).as("settings recorded with results")
        .containsEntry("ANTHROPIC_API_KEY", "***");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
