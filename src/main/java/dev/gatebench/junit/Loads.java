package dev.gatebench.junit;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Thresholds;

/** Drives one scenario against a gateway with the configured request: model, tokens, temperature, streaming. */
final class Loads {
  private Loads() {}

  static RunResult run(BenchConfig config, String suite, Gateway gateway, Scenario scenario, Thresholds thresholds) {
    ChatRequestFactory requests = ChatRequestFactory.of(config.testModel(), config.maxTokens(),
        config.temperature(), streaming(config));
    Target target = new Target(gateway.name(), gateway.chatCompletionsUrl(), gateway.authHeaders());
    return StandardMetrics.runner(LoadEngine.of(requests), System.out)
        .run(suite, target, scenario, StandardMetrics.checks(thresholds));
  }

  /** {@code gatebench.stream=true} sends {@code stream: true} and measures time to first token and inter-token gaps. */
  static boolean streaming(BenchConfig config) {
    return config.get("gatebench.stream").map(Boolean::parseBoolean).orElse(false);
  }
}
