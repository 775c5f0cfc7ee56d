package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.contention.HeadOfLinePlan;
import dev.gatebench.contention.HeadOfLineResult;
import dev.gatebench.contention.LatencyFigures;
import dev.gatebench.contention.MemorySample;
import dev.gatebench.contention.PayloadPlan;
import dev.gatebench.contention.PayloadResult;
import dev.gatebench.contention.PayloadStep;
import dev.gatebench.contention.SoakPlan;
import dev.gatebench.contention.SoakResult;
import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The head-of-line, payload and soak sections, from what their runs record. */
class ContentionSectionsTest {
  private static final HeadOfLinePlan HOL = HeadOfLinePlan.standard();

  @Test
  void theHeadOfLineSectionGivesEachRowsPercentilesAndItsRiseOverDirects() {
    HeadOfLineResult direct = new HeadOfLineResult(HOL, figures(30, 35, 40), figures(31, 37, 45), figures(1300, 1310, 1320),
        Optional.empty());
    HeadOfLineResult serial = new HeadOfLineResult(HOL, figures(32, 38, 44), figures(200, 900, 1400),
        figures(1400, 1500, 1600), Optional.of(direct.rise()));
    List<RunResult> results = List.of(run("headofline", "direct", HeadOfLineResult.ENVIRONMENT_KEY, direct.toMap()),
        run("headofline", "serial", HeadOfLineResult.ENVIRONMENT_KEY, serial.toMap()));

    String md = ReportSections.markdown(results);

    assertThat(md).contains("## Head-of-line blocking")
        .contains("| direct | 30.0 / 35.0 / 40.0 | 31.0 / 37.0 / 45.0 | +0.00 | +0.00 | +0.00 | 100 (4 at once) | 0 / 300 | passed |")
        .contains("| serial | 32.0 / 38.0 / 44.0 | 200.0 / 900.0 / 1400 | +167.0 | +860.0 | +1351 | 100 (4 at once) | 0 / 300 | failed |");
  }

  @Test
  void thePayloadSectionGivesOneLinePerSizeWithARefusedSizesErrors() {
    PayloadPlan plan = PayloadPlan.of(5, Duration.ofSeconds(20)).size(1_000, Duration.ofMillis(50))
        .size(100_000, Duration.ofMillis(250));
    PayloadResult limited = new PayloadResult(plan, List.of(
        PayloadStep.judge(plan.sizes().get(0), figures(40, 45, 50), figures(30, 35, 40)),
        PayloadStep.judge(plan.sizes().get(1), new LatencyFigures(100, 100, Map.of("HTTP_STATUS", 100L), Double.NaN,
            Double.NaN, Double.NaN), figures(60, 70, 80))), Optional.empty());

    String md = ReportSections.markdown(List.of(run("payload-100k", "nginx", PayloadResult.ENVIRONMENT_KEY, limited.toMap())));

    assertThat(md).contains("## Payload size").contains("| nginx | 1k | 40.0 | 50.0 | +10.0 | +10.0 | 0 / 100 | passed |")
        .contains("| nginx | 100k | n/a | n/a | n/a | n/a | 100 / 100 | refused: 100 of 100 requests failed {HTTP_STATUS=100} |");
  }

  @Test
  void theSoakSectionGivesTheSlopesAndTheHtmlPageCarriesAllThree() {
    SoakPlan plan = SoakPlan.of(10, Duration.ofSeconds(100));
    List<MemorySample> samples = IntStream.rangeClosed(0, 100).mapToObj(s -> new MemorySample(s,
        (100L << 20) + s * (1L << 20) / 6, OptionalLong.of(30))).toList();
    SoakResult soak = new SoakResult(plan, "process tree of pid 42", figures(30, 35, 40), samples, Optional.empty());
    List<RunResult> results = List.of(run("soak", "leaky", SoakResult.ENVIRONMENT_KEY, soak.toMap()));

    String md = ReportSections.markdown(results);
    String html = ReportSections.addTo("<html><body>tables</body></html>", results);

    assertThat(md).contains("| leaky | 100.0 | 116.7 | 0 | 30 | 0 / 100 | process tree of pid 42 | failed |");
    assertThat(html).contains("<h2>Memory over time</h2>").doesNotContain("<h2>Payload size</h2>")
        .endsWith("</body></html>");
  }

  private static LatencyFigures figures(double p50, double p95, double p99) {
    return new LatencyFigures(100, 0, Map.of(), p50, p95, p99);
  }

  private static RunResult run(String suite, String target, String key, Map<String, Object> section) {
    return RunResultFixture.run(suite, target).build().withEnvironment(Map.of(key, section));
  }
}
