package dev.gatebench.run;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.faults.KeyFlood;
import dev.gatebench.faults.KeyFloodResult;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.threshold.Thresholds;
import dev.gatebench.upstream.MockUpstream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Valid traffic alone, then beside a flood of invalid keys; both valid runs kept, the second judged. */
final class KeyFloodRun extends RowPlan {
  static final String CHECK = "no invalid key reaches the upstream, valid traffic served during the flood";
  private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());
  private final KeyFlood.Shape shape;

  KeyFloodRun(KeyFlood.Shape shape) {
    this.shape = shape;
  }

  @Override
  Optional<String> cannotRun(Optional<MockUpstream> mock, Gateway gateway) {
    if (mock.isEmpty()) return Optional.of("a key flood is counted at the mock; run with gatebench.upstream=mock");
    return KeyFlood.invalidHeaders(gateway.authHeaders()).isPresent() ? Optional.empty()
        : Optional.of(gateway.name() + " takes no key (no Authorization or x-api-key header), so it has none to flood");
  }

  @Override
  RowResult run(RowRun row) {
    Gateway gateway = row.gateway();
    Target valid = new Target(gateway.name(), gateway.chatCompletionsUrl(), gateway.authHeaders());
    Target invalid = new Target(gateway.name(), gateway.chatCompletionsUrl(),
        KeyFlood.invalidHeaders(gateway.authHeaders()).orElseThrow());
    KeyFlood.Outcome outcome = KeyFlood.run(valid, invalid, row.mock().orElseThrow().counters(),
        shape.scaled(row.settings().timeScale()), row.suite(), driver(row, System.out), driver(row, SILENT));
    Measurement quiet = row.keep(outcome.quiet(), Map.of());
    KeyFloodResult judged = outcome.result();
    Map<String, MetricSummary> metrics = new LinkedHashMap<>(outcome.flooded().metrics());
    metrics.putAll(judged.metrics(outcome.flooded().testRunDurationMs() * 1_000_000L));
    Measurement flooded = row.keep(row.evaluated(outcome.flooded().withMetrics(metrics)),
        Map.of(KeyFloodResult.ENVIRONMENT_KEY, judged.toMap()));
    List<String> failures = new ArrayList<>(RowResult.crossed(List.of(flooded)));
    if (!judged.marksPassThrough()) {
      failures.add("the mock saw none of the valid requests' marks, so its count of invalid keys proves nothing");
    }
    return RowResult.judged(List.of(quiet, flooded), row.check(CHECK, failures));
  }

  private static KeyFlood.Driver driver(RowRun row, PrintStream console) {
    BenchConfig config = row.settings();
    return (name, target, scenario, prompts) -> StandardMetrics.runner(LoadEngine.of(ChatRequestFactory.of(
            config.testModel(), config.maxTokens(), config.temperature(), false, prompts)), console, config)
        .run(name, target, scenario, StandardMetrics.checks(Thresholds.none()), GatewayLiveness.of(row.gateway(), config));
  }
}
