package dev.gatebench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.RunResult;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fault case against the mock called directly (the Direct row): one upstream attempt per request,
 * the mock's statuses as they are, and every failure told. About 2 s.
 */
class ErrorCasesTest {
  static final ErrorCases.Settings SETTINGS = new ErrorCases.Settings(FaultCase.standard(), 2,
      Duration.ofMillis(200), Duration.ofSeconds(10), "claude-sonnet-4-5-20250929", 10);
  private static MockUpstream mock;
  private static ErrorsTable direct;

  @BeforeAll
  static void runAgainstTheMock() {
    // deltas 2 ms apart, so that those before a cut reach the client before the close does
    mock = MockUpstream.builder().latency(LatencyProfile.fixed(Duration.ofMillis(2), Duration.ofMillis(2)))
        .outputTokens(10).start();
    direct = new ErrorCases(mock, SETTINGS).run(URI.create(mock.baseUrl() + "/v1/chat/completions"), Map.of(), 0);
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void theMockCalledDirectlyPassesEveryCheck() {
    assertThat(direct.overBudget()).as("requests over their attempt budget; %s", direct.toMap()).isZero();
    assertThat(direct.errorsAsSuccess()).as("upstream errors handed on as a success; %s", direct.toMap()).isZero();
    assertThat(direct.hidden()).as("failures the client was not told of; %s", direct.toMap()).isZero();
  }

  @Test
  void eachClientRequestIsOneUpstreamAttemptCountedByItsMark() {
    assertThat(direct.cases()).as("cases run").hasSize(FaultCase.standard().size());
    direct.cases().forEach(c -> assertThat(c.requests()).as("requests of %s", c.faultCase().name())
        .extracting(CaseResult.Attempted::attempts).containsOnly(1L));
    assertThat(direct.cases()).as("cases after which the mock served again at once")
        .allSatisfy(c -> assertThat(c.recoveryNanos()).isBetween(0L, 1_000_000_000L));
  }

  @Test
  void theClientSeesTheMocksStatusErrorTypeAndBrokenStreams() {
    Map<String, ClientView> first = direct.cases().stream().collect(Collectors.toMap(c -> c.faultCase().name(),
        c -> c.requests().get(0).view(), (a, b) -> a));

    assertThat(first.get("529").status()).as("status of 529").isEqualTo(529);
    assertThat(first.get("529").errorType()).as("error type of 529").isEqualTo("overloaded_error");
    assertThat(first.get("401").errorType()).as("error type of 401").isEqualTo("authentication_error");
    assertThat(first.get("reset").outcome()).as("outcome of reset").isEqualTo(ClientOutcome.CONNECTION_ERROR);
    assertThat(first.get("disconnect-streamed").outcome()).as("outcome of a stream cut half-way")
        .isEqualTo(ClientOutcome.CONNECTION_ERROR);
    assertThat(first.get("disconnect-streamed").deltas()).as("deltas before the cut at 5; the last one races the close")
        .isBetween(4, 5);
    assertThat(first.get("malformed").outcome()).as("outcome of malformed").isEqualTo(ClientOutcome.BROKEN_BODY);
    assertThat(first.get("stall").timeToEndMs()).as("time to the end of a stall, ms").isGreaterThanOrEqualTo(200);
  }

  @Test
  void theMocksPlanIsPutBackAfterTheRun() {
    assertThat(mock.faults().rates()).as("fault rates in force after the run").isEmpty();
  }

  @Test
  void theTableReadsBackFromTheRecordedBlock() {
    RunResult run = new RunResult("errors", "direct", Instant.now(), 1, Map.of(), List.of(), Map.of(), Map.of(),
        Map.of(), Map.of(ErrorsTable.ENVIRONMENT_KEY, direct.toMap()));
    List<ErrorsTable.Row> recorded = ErrorsTable.recorded(run).orElseThrow();
    Map<String, ErrorsTable.Row> byCase = recorded.stream().collect(Collectors.toMap(ErrorsTable.Row::caseName,
        Function.identity()));

    assertThat(byCase.get("529").status()).as("recorded status of 529").isEqualTo("529");
    assertThat(byCase.get("529").attempts()).as("recorded attempts of 529").isEqualTo("1, 1");
    assertThat(byCase.get("reset").outcome()).as("recorded outcome of reset").isEqualTo("connection error");
  }
}
