package dev.gatebench.run;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.faults.ErrorCases;
import dev.gatebench.faults.ErrorsResult;
import dev.gatebench.faults.ErrorsTable;
import dev.gatebench.faults.FaultCase;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.upstream.MockUpstream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each fault case against the row, the mock's plan swapped for it; one result with the table. */
final class FaultCasesRun extends RowPlan {
  static final String CHECK = "upstream attempts within budget, errors never a success, every failure told";
  /** A stalled upstream answer sends nothing this long, then closes. */
  static final Duration STALL = Duration.ofSeconds(2);
  /** Above three attempts at a stall, so that a gateway's retries end before the client gives up. */
  static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
  /** The gateway fact that says how many retries a row is configured to make (LiteLLM's {@code num_retries}). */
  static final String RETRIES_FACT = "num_retries";

  private final List<FaultCase> cases;
  private final int requestsPerCase;

  FaultCasesRun(List<FaultCase> cases, int requestsPerCase) {
    if (requestsPerCase < 1) throw new IllegalArgumentException("requestsPerCase must be >= 1 but was " + requestsPerCase);
    this.cases = List.copyOf(cases);
    this.requestsPerCase = requestsPerCase;
  }

  @Override
  Optional<String> cannotRun(Optional<MockUpstream> mock) {
    return mock.isPresent() ? Optional.empty() : Optional.of("fault cases are injected by the mock and counted by "
        + "its marks; run with gatebench.upstream=mock");
  }

  @Override
  RowResult run(RowRun row) {
    BenchConfig config = row.settings();
    int perCase = (int) Math.max(1, Math.round(requestsPerCase * config.timeScale()));
    ErrorCases.Settings settings = new ErrorCases.Settings(cases, perCase, STALL, CLIENT_TIMEOUT, config.testModel(),
        Math.max(2, config.maxTokens()));
    Gateway gateway = row.gateway();
    Instant startedAt = Instant.now();
    long startNanos = System.nanoTime();
    ErrorsTable table = new ErrorCases(row.mock().orElseThrow(), settings)
        .run(gateway.chatCompletionsUrl(), gateway.authHeaders(), configuredRetries(gateway));
    RunResult result = ErrorsResult.of(table, row.suite(), gateway.name(), startedAt, System.nanoTime() - startNanos,
        perCase, Map.of("model", config.testModel(), "max_tokens", Integer.toString(settings.maxTokens())));
    Measurement kept = row.keep(row.evaluated(result), Map.of());
    return RowResult.judged(List.of(kept), row.check(CHECK, RowResult.crossed(List.of(kept))));
  }

  /** Retries the row says it makes: its {@value #RETRIES_FACT} fact, else none. */
  static int configuredRetries(Gateway gateway) {
    return gateway.facts().get(RETRIES_FACT) instanceof Number n ? Math.max(0, n.intValue()) : 0;
  }
}
