package dev.gatebench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.metrics.MetricSummary.ThresholdOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultJsonTest {
  private static final Instant STARTED = Instant.parse("2026-11-27T22:30:00.123Z");

  @TempDir Path dir;

  static RunResult sampleRun() {
    MetricsCollector collector = new MetricsCollector(0);
    for (int ms = 1; ms <= 100; ms++) {
      collector.record(new RequestOutcome(0, 0, ms * 500_000L, RequestOutcome.UNSET, ms * 1_000_000L,
          null, 20, 200, null));
    }
    collector.record(RequestOutcome.failed(0, 0, 3_000_000L, 429, ErrorKind.HTTP_STATUS));
    collector.closeInterval(1_000_000_000L);
    collector.closeInterval(2_000_000_000L);
    RunResult raw = collector.toResult("baseline", "litellm", STARTED, 2_000_000_000L,
        Map.of("executor", "per-vu-iterations", "vus", 1, "iterations", 30,
            "stages", List.of(Map.of("duration", "30s", "target", 5)), "timeScale", 0.05),
        Map.of("TEST_MODEL", "claude-sonnet", "gatebench.timeScale", "0.05"),
        Map.of("litellmWorkers", 1, "upstream", Map.of("ttftMs", 250, "itlMs", 10)));
    MetricSummary latency = raw.metrics().get(MetricNames.CHAT_COMPLETION_LATENCY);
    Map<String, MetricSummary> withThresholds = new java.util.HashMap<>(raw.metrics());
    withThresholds.put(MetricNames.CHAT_COMPLETION_LATENCY, new MetricSummary(latency.type(),
        latency.contains(), latency.values(), Map.of("p(95)<30000", new ThresholdOutcome(true, 95.1))));
    return raw.withMetrics(withThresholds);
  }

  @Test
  void readingAWrittenResultGivesTheSameResult() {
    RunResult run = sampleRun();

    RunResult back = RunResultJson.read(RunResultJson.write(run, dir));

    assertThat(back).isEqualTo(run);
    assertThat(back.timeSeries().get(1).latencyP95Ms()).as("an empty second survives as NaN").isNaN();
  }

  @Test
  void theGeneratorsLagAndVerdictAreWrittenForReportsToRead() throws IOException {
    MetricsCollector collector = new MetricsCollector(0);
    collector.scheduleLag(200_000L);
    collector.scheduleLag(312_400_000L);
    RunResult run = collector.toResult("baseline", "litellm", STARTED, 2_000_000_000L, Map.of(), Map.of(),
        Map.of(RunResult.TRUSTWORTHY, false, RunResult.UNTRUSTWORTHY_BECAUSE, "the load generator fell behind",
            RunResult.GENERATOR, Map.of("maxLag", "5ms", "cpuTimeMs", 41.5)));

    Path file = RunResultJson.write(run, dir);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    RunResult back = RunResultJson.read(file);

    assertThat(json.at("/metrics/generator_schedule_lag/type").asText()).isEqualTo("trend");
    assertThat(json.at("/metrics/generator_schedule_lag/contains").asText()).isEqualTo("time");
    assertThat(json.at("/metrics/generator_schedule_lag/values/max").asDouble()).isBetween(312.0, 313.0);
    assertThat(json.at("/metrics/dropped_iterations/type").asText()).isEqualTo("counter");
    assertThat(json.at("/environment/trustworthy").asBoolean(true)).isFalse();
    assertThat(json.at("/environment/generator/maxLag").asText()).isEqualTo("5ms");
    assertThat(back.trustworthy()).isFalse();
    assertThat(back.untrustworthyBecause()).contains("the load generator fell behind");
  }

  @Test
  void aResultWithoutTheGeneratorsVerdictCountsAsTrustworthy() {
    RunResult old = new RunResult("baseline", "direct", STARTED, 1000, Map.of(), List.of(), Map.of(), Map.of(),
        Map.of(), Map.of("abortedBy", "x"));

    assertThat(old.trustworthy()).isTrue();
    assertThat(old.untrustworthyBecause()).isEmpty();
  }

  @Test
  void freeFormValuesOfAnyBoxTypeRoundTripExactly() {
    RunResult run = new RunResult("sustained", "direct", STARTED, 600_000, Map.of(), List.of(), Map.of(),
        Map.of("iterations", 30L, "rate", 5_000_000_000L, "thinkTime", java.time.Duration.ofMillis(500),
            "unit", java.util.concurrent.TimeUnit.SECONDS, "ratio", 0.5f,
            "stages", List.of(Map.of("target", 5L, "duration", "30s"))),
        Map.of(), Map.of("cores", (short) 2, "tags", new String[] {"a", "b"}));

    RunResult back = RunResultJson.read(RunResultJson.write(run, dir));

    assertThat(back).isEqualTo(run);
    assertThat(run.scenario()).containsEntry("iterations", 30).containsEntry("rate", 5_000_000_000L)
        .containsEntry("thinkTime", "PT0.5S").containsEntry("unit", "SECONDS");
  }

  @Test
  void resultFilesAreReadableByOthersLikeAnyReport() throws IOException {
    Path written = RunResultJson.write(sampleRun(), dir);

    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void namesTheFileAfterSuiteTargetAndStartLikeTheOriginal() {
    Path written = RunResultJson.write(sampleRun(), dir);

    assertThat(written).isEqualTo(dir.resolve("baseline-litellm-2026-11-27T22-30-00-123Z.json"));
    assertThat(RunResultJson.timestamp(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03-04-05-000Z");
  }

  @Test
  void writesTheK6SummaryShapeAndGatebenchKeys() throws IOException {
    JsonNode json = new ObjectMapper().readTree(RunResultJson.write(sampleRun(), dir).toFile());

    JsonNode latency = json.at("/metrics/chat_completion_latency");
    assertThat(latency.get("type").asText()).isEqualTo("trend");
    assertThat(latency.get("contains").asText()).isEqualTo("time");
    assertThat(latency.at("/values/p(95)").asDouble()).isBetween(94.0, 96.0);
    assertThat(latency.at("/thresholds/p(95)<30000/ok").asBoolean()).isTrue();
    assertThat(json.at("/metrics/error_rate/values/rate").asDouble()).isEqualTo(1 / 101.0);
    assertThat(json.at("/metrics/failed_request_duration/contains").asText()).isEqualTo("time");
    assertThat(json.at("/metrics/failed_request_duration/values/max").asDouble()).as("the 429 took 3 ms")
        .isBetween(2.99, 3.01);
    assertThat(json.at("/metrics/errors_http_status/values/count").asDouble()).isEqualTo(1.0);
    assertThat(json.at("/state/testRunDurationMs").asLong()).isEqualTo(2000);
    assertThat(json.at("/harness/name").asText()).isEqualTo("gatebench");
    assertThat(json.at("/harness/version").asText()).isNotBlank();
    assertThat(json.get("timeSeries")).hasSize(2);
    assertThat(json.at("/timeSeries/0").fieldNames()).toIterable().containsExactly("offsetSeconds", "requests",
        "errors", "activeVus", "latencyP50Ms", "latencyP95Ms", "latencyP99Ms", "latencyMaxMs", "ttfbP50Ms",
        "outputTokens");
    assertThat(json.at("/metrics/requests_total").has("thresholds")).as("left out when none, as k6").isFalse();
    assertThat(json.fieldNames()).toIterable().contains("suite", "target", "startedAt", "histograms",
        "scenario", "config", "environment");
  }

  @Test
  void writesAHistogramLogPerLatencyMetricWithSamples() throws IOException {
    RunResultJson.write(sampleRun(), dir);
    Path log = dir.resolve("baseline-litellm-2026-11-27T22-30-00-123Z.chat_completion_latency.hlog");

    HistogramLogReader reader = new HistogramLogReader(log.toFile());
    Histogram histogram = (Histogram) reader.nextIntervalHistogram();
    reader.close();

    assertThat(histogram.getTotalCount()).as("the 100 successes, not the 429").isEqualTo(100);
    assertThat(histogram.getTag()).isEqualTo("chat_completion_latency");
    assertThat(dir.resolve("baseline-litellm-2026-11-27T22-30-00-123Z.failed_request_duration.hlog"))
        .as("the 429 is timed on its own").exists();
    assertThat(dir.resolve("baseline-litellm-2026-11-27T22-30-00-123Z.time_to_first_token.hlog"))
        .as("no log for a metric without samples").doesNotExist();
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    RunResultJson.write(sampleRun(), dir);
    Path again = RunResultJson.write(sampleRun(), dir);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    assertThat(RunResultJson.read(again)).isEqualTo(sampleRun());
  }

  @Test
  void rewritingSwapsInANewFileInsteadOfWritingIntoTheOldOne() throws IOException {
    Path first = RunResultJson.write(sampleRun(), dir);
    Path readerView = Files.createLink(dir.resolve("reader-view.json"), first);
    String before = Files.readString(readerView);
    RunResult longer = new RunResult("baseline", "litellm", STARTED, 99_999, Map.of(), List.of(), Map.of(),
        Map.of(), Map.of(), Map.of());

    RunResultJson.write(longer, dir);

    assertThat(Files.readString(readerView)).as("a link to the old file still sees all of it").isEqualTo(before);
    assertThat(RunResultJson.read(first).testRunDurationMs()).isEqualTo(99_999);
  }

  @Test
  void aFailedMoveRemovesTheTemporaryFile() throws IOException {
    Path occupied = Files.createDirectories(dir.resolve("taken.json"));
    Files.writeString(occupied.resolve("inside"), "x");

    assertThatThrownBy(() -> AtomicFiles.write(occupied, new byte[] {1, 2, 3}))
        .isInstanceOf(IOException.class);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("taken.json");
    }
  }

  @Test
  void aFailedWriteLeavesNeitherAPartialFileNorATemporaryOne() throws IOException {
    RunResult unwritable = sampleRun().withEnvironment(Map.of("handle", new Object()));

    assertThatThrownBy(() -> RunResultJson.write(unwritable, dir))
        .isInstanceOf(ResultFileException.class)
        .hasMessageStartingWith("Could not write result file " + dir.resolve("baseline-litellm-2026-11-27T22-30-00-123Z.json"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void redactsSecretLookingConfigValuesOnWrite() throws IOException {
    RunResult leaky = new RunResult("baseline", "inferxgate", STARTED, 1000, Map.of(), List.of(), Map.of(),
        Map.of(), Map.of("ANTHROPIC_API_KEY", "sk-ant-real", "gatebench.authToken", "tok", "TEST_MODEL", "m"),
        Map.of());

    Path written = RunResultJson.write(leaky, dir);

    assertThat(Files.readString(written)).doesNotContain("sk-ant-real").doesNotContain("\"tok\"");
    assertThat(RunResultJson.read(written).config()).containsEntry("ANTHROPIC_API_KEY", "***")
        .containsEntry("gatebench.authToken", "***").containsEntry("TEST_MODEL", "m");
  }

  @Test
  void aResultRejectsABlankSuite() {
    assertThatThrownBy(() -> new RunResult(" ", "litellm", STARTED, 0, Map.of(), List.of(), Map.of(), Map.of(),
        Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("suite must not be blank but was ' '");
  }

  @Test
  void aMissingFileGivesOneClearError() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> RunResultJson.read(missing))
        .isInstanceOf(ResultFileException.class)
        .hasMessage("Result file " + missing + " does not exist; run the suite that writes it first "
            + "(e.g. mvn verify -Pbaseline) or pass the path of an existing result file");
  }

  @Test
  void aCorruptFileGivesOneClearError() throws IOException {
    Path corrupt = Files.writeString(dir.resolve("half.json"), "{\"suite\": \"baseline\", \"metr");

    assertThatThrownBy(() -> RunResultJson.read(corrupt))
        .isInstanceOf(ResultFileException.class)
        .hasMessageStartingWith("Result file " + corrupt + " is not a valid gatebench result (")
        .hasMessageEndingWith("); delete it and re-run the suite that wrote it");
  }

  @Test
  void aJsonFileThatIsNotAResultNamesTheMissingKey() throws IOException {
    Path other = Files.writeString(dir.resolve("other.json"), "{\"suite\": \"baseline\"}");

    assertThatThrownBy(() -> RunResultJson.read(other))
        .isInstanceOf(ResultFileException.class)
        .hasMessage("Result file " + other + " is not a valid gatebench result (missing key 'target'); "
            + "delete it and re-run the suite that wrote it");
  }
}
