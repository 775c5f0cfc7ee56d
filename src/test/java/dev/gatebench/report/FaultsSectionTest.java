package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.faults.CaseResult;
import dev.gatebench.faults.ClientOutcome;
import dev.gatebench.faults.ClientView;
import dev.gatebench.faults.ErrorsResult;
import dev.gatebench.faults.ErrorsTable;
import dev.gatebench.faults.FaultCase;
import dev.gatebench.faults.FaultMetrics;
import dev.gatebench.faults.KeyFloodResult;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import dev.gatebench.upstream.FaultKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultsSectionTest {
  private static final FaultCase OVERLOADED = new FaultCase(FaultKind.OVERLOADED, false);
  private static final FaultCase CUT_STREAM = new FaultCase(FaultKind.MID_STREAM_DISCONNECT, true);

  @Test
  void theErrorsTableOfEachRowReadsBackFromItsResultFile(@TempDir Path dir) {
    ErrorsTable retrying = new ErrorsTable(List.of(
        new CaseResult(OVERLOADED, List.of(attempted(502, ClientOutcome.ERROR_STATUS, 3), attempted(502, ClientOutcome.ERROR_STATUS, 3)), 5_100_000_000L),
        new CaseResult(CUT_STREAM, List.of(attempted(200, ClientOutcome.ENDED_WITHOUT_DONE, 1)), -1)), 0);
    RunResult run = ErrorsResult.of(retrying, "errors", "proxy", Instant.now(), 2_000_000_000L, 2, Map.of("model", "m"));

    RunResult readBack = RunResultJson.read(RunResultJson.write(run, dir));
    String md = ReportSections.markdown(List.of(readBack));

    assertThat(md).contains("## Errors and retries", "### proxy")
        .contains("| 529 | 502 | overloaded_error | Overloaded | 3, 3 (1) | 120.0 | error status | yes | 5100 |")
        .contains("| disconnect-streamed | 200 | - | - | 1 (1) | 120.0 | clean end without [DONE] | NO | not within 30 s |");
    assertThat(readBack.metric(FaultMetrics.UPSTREAM_ATTEMPTS_OVER_BUDGET).orElseThrow().value("count"))
        .as("requests over budget").hasValue(2);
    assertThat(readBack.metric(FaultMetrics.FAULTS_HIDDEN).orElseThrow().value("count")).as("hidden").hasValue(1);
  }

  @Test
  void theKeyFloodSectionHasOneLinePerRowWithWhatReachedTheMock() {
    KeyFloodResult flood = new KeyFloodResult(30.5, 41, 33, 60, 0.0, 1500, 0, 12, 150);
    RunResult run = RunResultFixture.run("keyflood", "litellm")
        .environment(KeyFloodResult.ENVIRONMENT_KEY, flood.toMap()).build();

    String html = ReportSections.addTo("<html><body>tables</body></html>", List.of(run));

    assertThat(ReportSections.markdown(List.of(run))).contains("## Key floods")
        .contains("| litellm | 30.5 / 41.0 | 33.0 / 60.0 | 0.00% | 1500 | 0 | 12 | 150 |");
    assertThat(html).contains("<h2>Key floods</h2>").endsWith("</body></html>");
  }

  private static CaseResult.Attempted attempted(int status, ClientOutcome outcome, long attempts) {
    boolean error = outcome == ClientOutcome.ERROR_STATUS;
    return new CaseResult.Attempted(new ClientView(status, outcome, error ? "overloaded_error" : "",
        error ? "Overloaded" : "", 120_000_000L, 0), attempts);
  }
}
