package dev.gatebench.stack.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.config.BenchConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tag of a local build changes exactly when what it is built from changes. */
class ContextHashTest {
  @TempDir Path folder;
  private String before;

  @BeforeEach
  void folderWithADockerfile() throws IOException {
    Files.writeString(folder.resolve("Dockerfile"), "FROM gatebench/debian-base:bookworm\n");
    Files.createDirectories(folder.resolve("conf"));
    Files.writeString(folder.resolve("conf/app.conf"), "port 6379\n");
    before = ContextHash.of(folder, Map.of(), Map.of());
  }

  @Test
  void isEightHexDigitsAndTheSameForTheSameFolder() {
    assertThat(before).matches("[0-9a-f]{8}");
    assertThat(ContextHash.of(folder, Map.of(), Map.of())).isEqualTo(before);
  }

  @Test
  void changesWhenAFileChanges() throws IOException {
    Files.writeString(folder.resolve("conf/app.conf"), "port 6380\n");

    assertThat(ContextHash.of(folder, Map.of(), Map.of())).isNotEqualTo(before);
  }

  @Test
  void changesWhenAFileIsRenamed() throws IOException {
    Files.move(folder.resolve("conf/app.conf"), folder.resolve("conf/other.conf"));

    assertThat(ContextHash.of(folder, Map.of(), Map.of())).isNotEqualTo(before);
  }

  @Test
  void changesWithTheBuildArgumentsAndTheExtraFiles(@TempDir Path elsewhere) throws IOException {
    Path binary = Files.writeString(elsewhere.resolve("inferxgate"), "v1");
    String withBinary = ContextHash.of(folder, Map.of("inferxgate", binary), Map.of());
    Files.writeString(binary, "v2");

    assertThat(ContextHash.of(folder, Map.of(), Map.of("LITELLM_VERSION", "1.80.0"))).isNotEqualTo(before);
    assertThat(withBinary).isNotEqualTo(before);
    assertThat(ContextHash.of(folder, Map.of("inferxgate", binary), Map.of())).as("after the binary changed")
        .isNotEqualTo(withBinary);
  }

  @Test
  void namesEachCommittedEquivalentByKeyVersionAndHash() {
    ImagePlans plans = new ImagePlans(BenchConfig.of(Map.of(), Map.of(), Map.of()));

    assertThat(plans.plan(StackImage.LITELLM).build().orElseThrow().tag()).matches("gatebench/litellm:1\\.106\\.12-[0-9a-f]{8}");
    assertThat(plans.plan(StackImage.POSTGRES).build().orElseThrow().tag()).matches("gatebench/postgres:15-[0-9a-f]{8}");
    assertThat(plans.plan(StackImage.PROMETHEUS).build().orElseThrow().tag()).matches("gatebench/prometheus:2\\.42-[0-9a-f]{8}");
    assertThat(plans.plan(StackImage.INFLUXDB).build().orElseThrow().tag()).matches("gatebench/influxdb:1\\.6-[0-9a-f]{8}");
  }
}
