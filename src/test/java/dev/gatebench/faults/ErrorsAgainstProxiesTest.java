package dev.gatebench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.proxies.FaultyProxy;
import dev.gatebench.proxies.FaultyProxy.Behaviour;
import dev.gatebench.upstream.FaultKind;
import dev.gatebench.upstream.MockUpstream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The errors suite's counts on deliberately wrong rows: a proxy that retries every failure twice goes over
 * the attempt budget of a row configured without retries, and one that hands a 529 on as a 200 turns an
 * upstream error into a success; the mock called directly does neither (see {@link ErrorCasesTest}). About 2 s.
 */
class ErrorsAgainstProxiesTest {
  private static final ErrorCases.Settings SETTINGS = new ErrorCases.Settings(
      List.of(new FaultCase(FaultKind.BAD_REQUEST, false), new FaultCase(FaultKind.SERVER_ERROR, false),
          new FaultCase(FaultKind.OVERLOADED, false), new FaultCase(FaultKind.CONNECTION_RESET, false)),
      2, Duration.ofMillis(200), Duration.ofSeconds(10), "claude-sonnet-4-5-20250929", 10);
  private static MockUpstream mock;
  private static ErrorsTable direct;

  @BeforeAll
  static void start() {
    mock = MockUpstream.builder().outputTokens(10).start();
    direct = new ErrorCases(mock, SETTINGS).run(java.net.URI.create(mock.baseUrl() + "/v1/chat/completions"), Map.of(), 0);
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void aProxyThatRetriesEveryFailureTwiceGoesOverTheBudgetOfARowWithoutRetries() throws IOException {
    try (FaultyProxy proxy = FaultyProxy.start(mock.baseUrl(), Behaviour.RETRIES_TWICE)) {
      ErrorsTable table = new ErrorCases(mock, SETTINGS).run(proxy.chatCompletionsUrl(), Map.of(), 0);

      assertThat(table.cases()).as("attempts per request of each case; %s", table.toMap())
          .allSatisfy(c -> assertThat(c.requests()).extracting(CaseResult.Attempted::attempts).containsOnly(3L));
      assertThat(table.overBudget()).as("requests over their attempt budget of 1").isEqualTo(8);
      assertThat(direct.overBudget()).as("Direct's requests over budget; %s", direct.toMap()).isZero();
    }
  }

  @Test
  void retriesWithinTheConfiguredRetriesStayInBudgetExceptForABadRequest() throws IOException {
    try (FaultyProxy proxy = FaultyProxy.start(mock.baseUrl(), Behaviour.RETRIES_TWICE)) {
      ErrorsTable table = new ErrorCases(mock, SETTINGS).run(proxy.chatCompletionsUrl(), Map.of(), 2);

      assertThat(table.overBudget()).as("requests over budget: the two 400s, retried though a retry cannot help")
          .isEqualTo(2);
    }
  }

  @Test
  void aProxyThatMaps529To200TurnsAnUpstreamErrorIntoASuccess() throws IOException {
    try (FaultyProxy proxy = FaultyProxy.start(mock.baseUrl(), Behaviour.MAPS_529_TO_200)) {
      ErrorsTable table = new ErrorCases(mock, SETTINGS).run(proxy.chatCompletionsUrl(), Map.of(), 0);

      assertThat(table.errorsAsSuccess()).as("upstream errors handed on as a success; %s", table.toMap()).isEqualTo(2);
      assertThat(table.overBudget()).as("requests over budget").isZero();
      assertThat(direct.errorsAsSuccess()).as("Direct's upstream errors handed on as a success").isZero();
    }
  }
}
