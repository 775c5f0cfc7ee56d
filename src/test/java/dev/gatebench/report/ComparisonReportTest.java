package dev.gatebench.report;

import static dev.gatebench.report.RunResultFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import dev.gatebench.metrics.resources.ResourceSample;
import dev.gatebench.metrics.resources.ResourceUsage;
import dev.gatebench.report.gate.GateReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {
  @TempDir Path out;

  static List<RunResult> fixtureRuns() {
    ResourceUsage litellmCpu = new ResourceUsage("process tree of pid 4242", 30, 1.0, 1.6, 512L << 20, 480L << 20,
        31, List.of(new ResourceSample(1, 1.0, 500L << 20, 5)), "");
    return List.of(
        run("baseline", "litellm").medianMs(32).seed(2).environment("resources", litellmCpu.toMap())
            .errorCounts(Map.of(ErrorKind.TIMEOUT, 3L, ErrorKind.HTTP_STATUS, 1L)).errorRate(0.1).build(),
        run("baseline", "direct").medianMs(20).seed(1).environment("resources", new ResourceUsage("process tree "
            + "of pid 1", 3, 0.1, 0.2, 300L << 20, 290L << 20, 31, List.of(), "the test JVM as a whole").toMap()).build(),
        run("baseline", "inferxgate").medianMs(21).seed(3).build(),
        run("throughput", "direct").medianMs(20).seconds(40).vus(1, 50).seed(4).build(),
        run("throughput", "inferxgate").medianMs(22).seconds(40).vus(1, 50).seed(5).build());
  }

  @Test
  void markdownHasOneRowPerGatewayDirectFirstWithOverheadAndNaForMissingResources() throws Exception {
    ComparisonReport.Written written = ComparisonReport.of(fixtureRuns())
        .withSkipped(List.of(new SkippedRow("throughput", "litellm", "failed: readiness timed out after 120 s")))
        .write(out);

    String md = Files.readString(written.markdown());
    assertThat(md).contains("## baseline", "## throughput");
    List<String> baselineRows = md.lines().dropWhile(l -> !l.equals("## baseline")).skip(4)
        .takeWhile(l -> l.startsWith("|")).toList();
    assertThat(baselineRows).extracting(l -> l.split("\\|")[1].strip())
        .containsExactly("direct", "inferxgate", "litellm");
    String litellm = baselineRows.get(2);
    assertThat(litellm.split("\\|")[8].strip()).as("p50 overhead ~ 32 - 20 ms, with its 95 % interval")
        .matches("\\+1[12]\\.\\d ms \\[\\+1[0-2]\\.\\d, \\+1[1-3]\\.\\d\\]");
    assertThat(litellm.split("\\|")[2].strip()).as("successes and failures").isEqualTo("300 + 4 failed");
    assertThat(litellm).contains("HTTP_STATUS 1, TIMEOUT 3", "10.00%", "| 1.00 |", "| 512 |");
    assertThat(baselineRows.get(0).split("\\|")[8].strip()).as("Direct has no overhead").isEqualTo("n/a");
    assertThat(baselineRows.get(1)).as("no resources sampled").endsWith("| n/a | n/a | n/a |");
    assertThat(md).contains("direct CPU and memory: the test JVM as a whole");
    assertThat(md).contains("| litellm | failed: readiness timed out after 120 s |");
  }

  @Test
  void onlyLowCountPercentilesOfRowsThatRanAreMarked() throws Exception {
    List<RunResult> runs = List.of(LowRateRuns.run("baseline", "direct", 30, 260, 1, 0, Map.of()),
        LowRateRuns.run("baseline", "litellm", 30, 280, 2, 0, Map.of()));
    String md = Files.readString(ComparisonReport.of(runs).withSkipped(List.of(new SkippedRow("baseline",
        "inferxgate", "skipped: no binary"))).write(out).markdown());

    String litellm = md.lines().filter(l -> l.startsWith("| litellm |")).findFirst().orElseThrow();
    String[] cells = litellm.split("\\|");
    assertThat(cells[5].strip()).as("p95 of 30 requests is the 29th: supported").doesNotContain("†");
    assertThat(cells[6].strip()).as("p99 of 30 requests is the maximum").endsWith("†").isEqualTo(cells[7].strip() + "†");
    assertThat(cells[10].strip()).as("p99 overhead: marked, with its interval").matches("\\+\\d+\\.\\d ms \\[.*\\]†");
    assertThat(md).contains("† p99 of 30 requests is the maximum (a p99 needs at least 100)")
        .doesNotContain("of 0 requests");
  }

  @Test
  void cpuPerThousandRequestsUsesTheRunsRequestCount() throws Exception {
    String md = Files.readString(ComparisonReport.write(fixtureRuns(), out).markdown());
    // 30 CPU-s over 30 s x 10 req/s = 300 requests -> 100 CPU-s per 1k requests
    assertThat(md).contains("| 1.00 | 100.00 | 512 |");
  }

  @Test
  void aSuiteWhereEveryGatewayWasSkippedStillGetsItsSection() throws Exception {
    String md = Files.readString(ComparisonReport.of(List.of())
        .withSkipped(List.of(new SkippedRow("sustained", "litellm", "skipped: -Dgatebench.gateways=direct")))
        .write(out).markdown());
    assertThat(md).contains("## sustained", "| litellm | skipped: -Dgatebench.gateways=direct |");
  }

  @Test
  void htmlHoldsTablesChartsAndGateNotesWithoutExternalReferences() throws Exception {
    String html = Files.readString(ComparisonReport.of(fixtureRuns())
        .withGate(new GateReport(List.of(), List.of("not compared: litellm in suite 'baseline' has no baseline yet")))
        .write(out).html());
    assertThat(html).contains("id=\"pct-baseline\"", "id=\"vus-throughput\"", "renderer: 'svg'",
        "not compared: litellm in suite &#39;baseline&#39;".replace("&#39;", "'"));
    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
    assertThat(html.length()).as("ECharts is inlined").isGreaterThan(1_000_000);
  }

  @Test
  void aRunWhoseResultFileCouldNotBeWrittenKeepsItsRowAndSaysSo() throws Exception {
    RunResult unwritten = run("baseline", "litellm").medianMs(32).seed(2)
        .environment(ComparisonReport.UNWRITTEN, "Could not write result file k6/results/x.json: No space left").build();
    ComparisonReport.Written written = ComparisonReport.of(List.of(run("baseline", "direct").medianMs(20).seed(1)
        .build(), unwritten)).write(out);

    assertThat(Files.readString(written.markdown())).as("report.md")
        .contains("| litellm | 300 | 32", "litellm result file NOT written (figures above are only in this report): "
            + "Could not write result file k6/results/x.json: No space left");
    assertThat(Files.readString(written.html())).as("report.html").contains("litellm result file NOT written");
  }

  @Test
  void aLateGeneratorsRowSaysWhyItWasLateInItsBadgeAndNote() throws Exception {
    String reason = "the load generator fell behind its schedule: generator_schedule_lag p(99) 29 ms >= "
        + "gatebench.generator.maxLag 5ms (max 145 ms over 30000 scheduled starts), so its latencies include the "
        + "generator's own delay; likeliest cause: the generator's event loop waited 2.1 s for a CPU (7 % of the run): "
        + "other work on the machine";
    RunResult late = run("baseline", "litellm").medianMs(32).seed(2).environment("trustworthy", false)
        .environment("untrustworthyBecause", reason)
        .environment("generator", Map.of("lagP99Ms", 29.0, "likeliestCause", "machine")).build();
    ComparisonReport.Written written = ComparisonReport.of(List.of(run("baseline", "direct").medianMs(20).seed(1)
        .build(), late)).write(out);

    assertThat(Files.readString(written.markdown())).as("report.md")
        .contains("| litellm (generator not trustworthy: busy machine) |")
        .contains("litellm: the load generator was not trustworthy in this run (" + reason + ")");
    assertThat(Files.readString(written.html())).as("report.html")
        .contains("generator not trustworthy: busy machine", "waited 2.1 s for a CPU (7 % of the run)");
  }

  @Test
  void readsResultFilesButNotBaselines() throws Exception {
    Files.writeString(out.resolve("baseline-direct-20261127T210000Z.json"), "{}");
    Files.writeString(out.resolve("gatebench-baseline-baseline.json"), "{}");
    Files.writeString(out.resolve("notes.txt"), "x");
    RunResult any = run("baseline", "direct").build();
    assertThat(ComparisonReport.readResults(out, p -> any)).hasSize(1);
  }

  @Test
  void readsWhatRunResultJsonWrote() {
    List<RunResult> runs = fixtureRuns();
    runs.forEach(r -> RunResultJson.write(r, out));
    List<RunResult> back = ComparisonReport.readResults(out);
    assertThat(back).hasSize(runs.size());
    assertThat(back).containsExactlyInAnyOrderElementsOf(runs);
  }
}
