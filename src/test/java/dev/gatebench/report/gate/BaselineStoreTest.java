package dev.gatebench.report.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
  @TempDir Path dir;

  private final Baseline baseline = new Baseline("baseline", Instant.parse("2026-11-27T21:00:00Z"),
      Map.of(GateMetric.P50_OVERHEAD, List.of(20.0, 20.5), GateMetric.P95_OVERHEAD, List.of(24.5, 25.0)),
      Map.of("litellm", Map.of(GateMetric.P50_OVERHEAD, List.of(5.0, 5.5, 6.0), GateMetric.P95_OVERHEAD,
          List.of(9.0, 9.5))), Map.of("commit", "abc123"));

  @Test
  void roundTripsThroughAFileAndItsFolder() {
    Path file = BaselineStore.write(baseline, dir.resolve("baseline"));
    assertThat(file.getFileName()).hasToString("gatebench-baseline-baseline.json");
    assertThat(BaselineStore.read(file, "baseline")).isEqualTo(baseline);
    assertThat(BaselineStore.read(dir.resolve("baseline"), "baseline")).isEqualTo(baseline);
  }

  @Test
  void aMissingFileSaysHowToRecordOne() {
    Path file = dir.resolve("nope.json");
    assertThatThrownBy(() -> BaselineStore.read(file, "baseline"))
        .isInstanceOf(BaselineException.class)
        .hasMessage("gatebench.baseline: " + file + " does not exist; record a baseline with "
            + "-Dgatebench.updateBaseline=true");
  }

  @Test
  void aFolderWithoutTheSuitesFileNamesTheExpectedFile() {
    BaselineStore.write(baseline, dir);
    assertThatThrownBy(() -> BaselineStore.read(dir, "throughput"))
        .isInstanceOf(BaselineException.class)
        .hasMessage("gatebench.baseline: no baseline of suite 'throughput' in " + dir
            + " (expected gatebench-baseline-throughput.json); record one with -Dgatebench.updateBaseline=true");
  }

  @Test
  void aBaselineOfAnotherSuiteIsRefused() {
    Path file = BaselineStore.write(baseline, dir);
    assertThatThrownBy(() -> BaselineStore.read(file, "sustained"))
        .isInstanceOf(BaselineException.class)
        .hasMessage("gatebench.baseline: " + file + " is the baseline of suite 'baseline', not of suite "
            + "'sustained'; point -Dgatebench.baseline at the folder holding gatebench-baseline-sustained.json");
  }

  @Test
  void truncatedJsonIsCorrupt() throws Exception {
    Path file = Files.writeString(dir.resolve("gatebench-baseline-baseline.json"), "{\"format\": \"gateb");
    assertThatThrownBy(() -> BaselineStore.read(file, "baseline"))
        .isInstanceOf(BaselineException.class)
        .hasMessage("gatebench.baseline: " + file + " is not a gatebench baseline (not valid JSON); delete it and "
            + "record a new one with -Dgatebench.updateBaseline=true");
  }

  @Test
  void aResultFileInsteadOfABaselineIsCorrupt() throws Exception {
    Path file = Files.writeString(dir.resolve("baseline-litellm.json"), "{\"suite\": \"baseline\"}");
    assertThatThrownBy(() -> BaselineStore.read(file, "baseline"))
        .isInstanceOf(BaselineException.class)
        .hasMessage("gatebench.baseline: " + file + " is not a gatebench baseline (no \"format\": "
            + "\"gatebench-baseline/1\" field); delete it and record a new one with -Dgatebench.updateBaseline=true");
  }

  @Test
  void wrongTypesInsideAValidBaselineAreCorrupt() throws Exception {
    Path file = Files.writeString(dir.resolve("b.json"), "{\"format\": \"gatebench-baseline/1\", \"suite\": "
        + "\"baseline\", \"recordedAt\": \"2026-11-27T21:00:00Z\", \"directMs\": {}, \"gatewayMs\": "
        + "{\"litellm\": {\"P50_OVERHEAD\": [\"fast\"]}}}");
    assertThatThrownBy(() -> BaselineStore.read(file, "baseline"))
        .isInstanceOf(BaselineException.class)
        .hasMessage("gatebench.baseline: " + file + " is not a gatebench baseline (unexpected content); delete it "
            + "and record a new one with -Dgatebench.updateBaseline=true");
  }

  @Test
  void validateAcceptsABaselineFileAndAFolderHoldingOne() {
    Path file = BaselineStore.write(baseline, dir.resolve("kept"));

    BaselineStore.validate(file);
    BaselineStore.validate(dir.resolve("kept"));
    assertThat(file).as("a validated baseline is left as it was").exists();
  }

  @Test
  void validateRejectsAnEmptyObjectGarbageAndAFolderWithoutBaselines() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "<html>");
    Path folder = Files.createDirectories(dir.resolve("nothing-here"));

    assertThatThrownBy(() -> BaselineStore.validate(empty)).isInstanceOf(BaselineException.class)
        .hasMessageContaining(empty + " is not a gatebench baseline (no \"format\"");
    assertThatThrownBy(() -> BaselineStore.validate(garbage)).isInstanceOf(BaselineException.class)
        .hasMessageContaining(garbage + " is not a gatebench baseline (not valid JSON)");
    assertThatThrownBy(() -> BaselineStore.validate(folder)).isInstanceOf(BaselineException.class)
        .hasMessage("gatebench.baseline: the folder " + folder + " holds no baseline (no "
            + "gatebench-baseline-<suite>.json); point -Dgatebench.baseline at the folder that holds them, or "
            + "record one with -Dgatebench.updateBaseline=true");
  }
}
