package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.capacity.CapacityResult;
import dev.gatebench.capacity.CapacityStep;
import dev.gatebench.capacity.KneeRule;
import dev.gatebench.capacity.Sweep;
import dev.gatebench.capacity.SweepPlan;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.streaming.MockStreams;
import dev.gatebench.streaming.StreamFigures;
import dev.gatebench.streaming.StreamingAssessment;
import dev.gatebench.streaming.StreamingRules;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReportSectionsTest {
  private static final MockStreams MOCK = new MockStreams(Duration.ofMillis(250), Duration.ofMillis(10), 10, 1000, 1000);

  @Test
  void theStreamingSectionShowsEachRowsVerdictAndItsOverheadWithAndWithoutStreaming() {
    List<RunResult> results = List.of(
        streamed("direct", 1300, new StreamFigures(10, 0.3, 251, 10, 12, 1000, 1000)),
        streamed("litellm", 1350, new StreamFigures(10, 290, 290.5, 10, 14, 1000, 1000)),
        RunResultFixture.run("streaming-off", "direct").medianMs(1240).sigma(0).build(),
        RunResultFixture.run("streaming-off", "litellm").medianMs(1260).sigma(0).build());

    String md = ReportSections.markdown(results);

    assertThat(md).contains("## Streaming")
        .contains("| direct | streams faithfully | 0.30 | 251.0 | 10.0 | 12.0 | n/a | n/a | n/a | 1000 / 1000 | passed |");
    assertThat(md).as("litellm's row: overhead streamed +50, not streamed +20")
        .containsPattern("\\| litellm \\| holds headers until content \\| 290\\.0 \\| 290\\.5 \\| 10\\.0 \\| 14\\.0 "
            + "\\| n/a \\| \\+[45]\\d\\.\\d \\| \\+[12]\\d\\.\\d \\| 1000 / 1000 \\| failed \\|");
  }

  @Test
  void theCapacitySectionGivesTheSustainableRateAndTheCurveOfEachSweep() {
    KneeRule rule = KneeRule.DEFAULT;
    SweepPlan plan = new SweepPlan(5, 2.0, Duration.ofSeconds(2), 10);
    Sweep direct = new Sweep("json", List.of(step(5, 130, 130, true), step(10, 131, 131, true)), OptionalLong.of(10),
        "reached the plan's maximum rate 10/s");
    Sweep slow = new Sweep("json", List.of(step(5, 150, 130, true), step(10, 400, 131, false)), OptionalLong.of(5),
        "reached the plan's maximum rate 10/s");
    List<RunResult> results = List.of(capacity("direct", new CapacityResult(plan, rule, List.of(direct))),
        capacity("slow", new CapacityResult(plan, rule, List.of(slow))));

    String md = ReportSections.markdown(results);
    String html = ReportSections.addTo("<html><body>tables</body></html>", results);

    assertThat(md).contains("| direct | json | 10 | reached the plan's maximum rate 10/s |")
        .contains("| slow | json | 5 | reached the plan's maximum rate 10/s |")
        .contains("- slow json: 5: 150.0 (+20.0), 10: 400.0 (+269.0)*");
    assertThat(html).as("section before the end of the page").contains("<h2>Capacity</h2>")
        .contains("<div class=\"chart\" id=\"capacity-json\"></div>").endsWith("</body></html>");
  }

  @Test
  void withoutStreamingOrCapacityResultsThePageIsUnchanged() {
    List<RunResult> results = List.of(RunResultFixture.run("baseline", "direct").build());

    assertThat(ReportSections.markdown(results)).isEmpty();
    assertThat(ReportSections.addTo("<body></body>", results)).isEqualTo("<body></body>");
  }

  private static RunResult streamed(String target, double medianMs, StreamFigures figures) {
    return RunResultFixture.run("streaming", target).medianMs(medianMs).sigma(0)
        .environment(StreamingAssessment.ENVIRONMENT_KEY,
            StreamingAssessment.judge(figures, MOCK, StreamingRules.DEFAULT).toMap()).build();
  }

  private static CapacityStep step(long rate, double p99, double reference, boolean within) {
    return new CapacityStep(rate, rate, rate * 2, 0, 0, p99 * 0.8, p99, Double.NaN, reference, within,
        within ? "" : "p99 over the bound");
  }

  private static RunResult capacity(String target, CapacityResult result) {
    return RunResultFixture.run("capacity", target).environment(CapacityResult.ENVIRONMENT_KEY, result.toMap()).build();
  }
}
