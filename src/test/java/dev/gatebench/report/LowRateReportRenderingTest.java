package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.RunResult;
import dev.gatebench.report.gate.GateReport;
import dev.gatebench.report.gate.GateSettings;
import dev.gatebench.report.gate.RegressionGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a {@code mvn verify -Pbaseline}-shaped run (30 requests at 1 req/s a row, recorded
 * through the real collector), opened in headless Chromium: no chart is empty, the p99 of 30 requests
 * is marked, the overheads carry intervals, and the gate's verdicts and the failed rows show. The
 * screenshot is kept in {@code target/report-screenshots/low-rate.png} to be looked at.
 */
class LowRateReportRenderingTest {
  static final Path SCREENSHOT = Path.of("target", "report-screenshots", "low-rate.png");
  @TempDir static Path dir;
  static Path html;

  @BeforeAll
  static void writeReport() {
    List<RunResult> before = List.of(LowRateRuns.run("baseline", "direct", 30, 260, 11, 0, Map.of()),
        LowRateRuns.run("baseline", "litellm", 30, 280, 12, 0, Map.of()));
    List<RunResult> runs = List.of(LowRateRuns.run("baseline", "direct", 30, 260, 1, 0, Map.of()),
        LowRateRuns.run("baseline", "litellm", 30, 280, 2, 10, Map.of()),
        LowRateRuns.run("baseline", "inferxgate", 30, 262, 3, 0, Map.of("abortedBy",
            "error_rate rate<0.1 failed: measured 0.4", "generator", Map.of("trustworthy", false,
                "reason", "scheduling lag p99 38 ms over 10 ms"))));
    GateReport gate = RegressionGate.check(RegressionGate.record("baseline", before, Map.of()), runs,
        GateSettings.defaults());
    html = ComparisonReport.of(runs).withGate(gate).write(dir.resolve("report")).html();
  }

  @Test
  void everyChartIsDrawnAndTheVuChartGivesWayToANote() throws Exception {
    Chromium.assumeInstalled();
    String rendered = Chromium.renderedDom(html, dir, "dom");

    assertThat(rendered).contains("data-charts-done=\"true\"");
    assertThat(count(rendered, "class=\"chart\"")).as("chart boxes: percentiles, over time, req/s").isEqualTo(3);
    assertThat(count(rendered, "data-rendered=\"true\"")).as("every chart box drawn").isEqualTo(3);
    assertThat(rendered).doesNotContain("display: none");
    assertThat(rendered).as("legends").contains(">direct p50<", ">litellm p95<", ">litellm req/s<",
        ">litellm failed/s<");
    assertThat(rendered).as("titles say the window").contains("p50 and p95, one window over each run (30 s)");
    assertThat(rendered).as("spectrum axis").contains(">99%<", ">99.99%<");
    assertThat(rendered).contains("latency against active VUs is not drawn, each row ran at one VU level");
  }

  @Test
  void theTableMarksLowCountPercentilesAndShowsIntervals() throws Exception {
    String page = Files.readString(html);

    assertThat(count(page, "<td class=\"low\">")).as("p99 of each of the three rows").isEqualTo(3);
    assertThat(page).contains("p99 of 30 requests is the maximum (a p99 needs at least 100)",
        "p99 of 27 requests is the maximum (a p99 needs at least 100)");
    assertThat(page).containsPattern("\\+\\d+\\.\\d ms<br><span class=\"range\">\\[[+-]\\d+\\.\\d, [+-]\\d+\\.\\d\\]");
    assertThat(page).contains("27 + 3 failed", "litellm: 3 failed requests, not in the latency columns",
        "inferxgate stopped early: error_rate rate&lt;0.1 failed: measured 0.4",
        "scheduling lag p99 38 ms over 10 ms", "<span class=\"badge\">stopped early</span>");
    assertThat(page).contains("<h2>regression gate: ").containsPattern("<tr class=\"(pass|fail)\"><td>baseline</td>"
        + "<td>litellm</td><td>p50 latency overhead</td>");
  }

  @Test
  void theScreenshotShowsTablesAndDrawnCharts() throws Exception {
    Chromium.assumeInstalled();
    Files.createDirectories(SCREENSHOT.getParent());
    Chromium.Pixels shot = Chromium.screenshot(html, dir, SCREENSHOT);

    System.out.printf("low-rate screenshot %s: %d x %d, %d coloured pixels%n", SCREENSHOT.toAbsolutePath(),
        shot.width(), shot.height(), shot.coloured());
    assertThat(shot.coloured()).as("series in ECharts' palette across three charts").isGreaterThan(3_000);
  }

  private static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }
}
