package dev.gatebench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {

  @Test
  void readsKeyValuesCommentsQuotesAndExport() {
    var values = EnvFile.parse(".env.benchmark", List.of(
        "# comment", "", "TEST_MODEL=claude", "export TEST_MAX_TOKENS = 100",
        "A=\"quoted value\" # trailing", "B='single'", "C=plain # comment", "EMPTY="));

    assertThat(values)
        .containsEntry("TEST_MODEL", "claude")
        .containsEntry("TEST_MAX_TOKENS", "100")
        .containsEntry("A", "quoted value")
        .containsEntry("B", "single")
        .containsEntry("C", "plain")
        .containsEntry("EMPTY", "");
  }

  @Test
  void rejectsALineThatIsNotKeyValueNamingTheLine() {
    assertThatThrownBy(() -> EnvFile.parse(".env.benchmark", List.of("A=1", "this is wrong")))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage(".env.benchmark line 2: 'this is wrong' is not KEY=VALUE; write it as e.g. "
            + "TEST_MAX_TOKENS=100 or comment it out with #");
  }

  @Test
  void rejectsAnUnclosedQuote() {
    assertThatThrownBy(() -> EnvFile.parse("f", List.of("A=\"open")))
        .hasMessage("f line 1: value \"open opens a \" quote that never closes; close it on the same line");
  }

  @Test
  void missingFileIsEmpty(@TempDir Path dir) {
    assertThat(EnvFile.read(dir.resolve("absent"))).isEmpty();
  }

  @Test
  void shippedEnvBenchmarkCarriesTheOriginalDefaults() throws IOException {
    var values = EnvFile.read(Path.of(".env.benchmark"));

    assertThat(values).containsKeys("ANTHROPIC_API_KEY", "LITELLM_MASTER_KEY")
        .containsEntry("TEST_MODEL", "claude-sonnet-4-5-20250929")
        .containsEntry("TEST_MAX_TOKENS", "100")
        .containsEntry("TEST_TEMPERATURE", "0.7");
    assertThat(Files.readString(Path.of(".env.benchmark"))).doesNotContain("sk-ant-");
  }
}
