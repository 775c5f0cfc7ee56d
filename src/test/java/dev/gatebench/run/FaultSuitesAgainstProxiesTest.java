package dev.gatebench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.faults.FaultCase;
import dev.gatebench.faults.FaultMetrics;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.MetricNames;
import dev.gatebench.proxies.FaultyProxy;
import dev.gatebench.proxies.FaultyProxy.Behaviour;
import dev.gatebench.upstream.FaultKind;
import dev.gatebench.upstream.MockUpstream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The errors and key flood plans as suites run them, declared thresholds and checks included: each wrong
 * row fails its check with the crossed threshold, the right one passes, and a row without keys is skipped
 * with its reason. About 15 s, REST-assured's first start included.
 */
class FaultSuitesAgainstProxiesTest {
  private static final Suite ERRORS = Suite.of(RowPlan.faultCases(List.of(new FaultCase(FaultKind.SERVER_ERROR, false),
          new FaultCase(FaultKind.OVERLOADED, false)), 1)).named("errors")
      .threshold(FaultMetrics.UPSTREAM_ATTEMPTS_OVER_BUDGET, "count==0")
      .threshold(FaultMetrics.UPSTREAM_ERRORS_AS_SUCCESS, "count==0")
      .threshold(FaultMetrics.FAULTS_HIDDEN, "count==0");
  private static final Suite FLOOD = Suite.of(RowPlan.keyFlood(
          Scenario.constantArrivalRate(10, Duration.ofSeconds(1), Duration.ofSeconds(1)).preAllocatedVus(4),
          Scenario.constantArrivalRate(40, Duration.ofSeconds(1), Duration.ofSeconds(1)).preAllocatedVus(8)))
      .named("keyflood")
      .threshold(FaultMetrics.INVALID_KEYS_UPSTREAM, "count==0")
      .threshold(MetricNames.ERROR_RATE, "rate<0.01");
  private static final Map<String, String> KEY = Map.of("Authorization", "Bearer " + FaultyProxy.KEY);
  @TempDir
  static Path results;
  private static MockUpstream mock;
  private static BenchRun bench;

  @BeforeAll
  static void start() {
    mock = MockUpstream.builder().outputTokens(10).start();
    BenchConfig config = BenchConfig.of(Map.of("TEST_MODEL", "mock-model", "gatebench.resultsDir", results.toString(),
        "gatebench.maxTokens", "10"), Map.of(), Map.of());
    bench = new BenchRun(config, Optional.of(mock), Map.of());
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void theErrorsSuitePassesDirectAndFailsAProxyThatRetriesEveryFailureTwice() throws IOException {
    try (FaultyProxy proxy = FaultyProxy.start(mock.baseUrl(), Behaviour.RETRIES_TWICE)) {
      assertThat(bench.run(ERRORS, row("direct", mock.baseUrl(), Map.of())).failure()).as("Direct's failure").isEmpty();
      assertThat(bench.run(ERRORS, row("retrying", base(proxy), Map.of())).failure()).as("the retrying proxy's failure")
          .hasValueSatisfying(f -> assertThat(f).contains("upstream_attempts_over_budget count==0 measured 2"));
    }
  }

  @Test
  void theErrorsSuiteFailsAProxyThatMaps529To200() throws IOException {
    try (FaultyProxy proxy = FaultyProxy.start(mock.baseUrl(), Behaviour.MAPS_529_TO_200)) {
      assertThat(bench.run(ERRORS, row("mapping", base(proxy), Map.of())).failure()).as("the 529-to-200 proxy's failure")
          .hasValueSatisfying(f -> assertThat(f).contains("upstream_errors_as_success count==0 measured 1"));
    }
  }

  @Test
  void theKeyFloodPassesAProxyThatChecksKeysAndFailsOneThatForwardsThem() throws IOException {
    try (FaultyProxy checking = FaultyProxy.start(mock.baseUrl(), Behaviour.CHECKS_KEYS);
        FaultyProxy forwarding = FaultyProxy.start(mock.baseUrl(), Behaviour.FORWARDS_BAD_KEYS)) {
      assertThat(bench.run(FLOOD, row("checking", base(checking), KEY)).failure()).as("the checking proxy's failure")
          .isEmpty();
      assertThat(bench.run(FLOOD, row("forwarding", base(forwarding), KEY)).failure()).as("the forwarding proxy's failure")
          .hasValueSatisfying(f -> assertThat(f).contains("invalid_keys_upstream count==0 measured"));
    }
  }

  @Test
  void theKeyFloodSkipsARowWithoutKeysSayingWhy() {
    assertThatThrownBy(() -> bench.run(FLOOD, row("direct", mock.baseUrl(), Map.of())))
        .isInstanceOf(RowSkippedException.class)
        .hasMessage("direct takes no key (no Authorization or x-api-key header), so it has none to flood");
  }

  @Test
  void aRowsConfiguredRetriesAreItsNumRetriesFact() {
    assertThat(FaultCasesRun.configuredRetries(TestGateway.at("litellm", mock.baseUrl()).withFacts(Map.of("num_retries", 2))))
        .as("retries of a row with num_retries 2").isEqualTo(2);
    assertThat(FaultCasesRun.configuredRetries(row("direct", mock.baseUrl(), Map.of()))).as("retries without it").isZero();
  }

  private static URI base(FaultyProxy proxy) {
    return proxy.chatCompletionsUrl().resolve("/");
  }

  private static Gateway row(String name, URI base, Map<String, String> headers) {
    return TestGateway.at(name, base).withHeaders(headers);
  }
}
