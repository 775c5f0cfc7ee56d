package dev.gatebench.run;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.AbortSignal;
import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Thresholds;
import dev.gatebench.upstream.MockUpstream;
import java.io.PrintStream;
import java.time.Duration;

/** Drives one scenario against a gateway with the configured request: model, tokens, temperature, streaming. */
final class Loads {
  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private Loads() {}

  /**
   * Runs the scenario; a gateway that dies meanwhile ends the row early (see {@link GatewayLiveness}),
   * with the reason printed and kept as the result's {@code abortedBy}.
   */
  static RunResult run(BenchConfig config, String suite, Gateway gateway, Scenario scenario, Thresholds thresholds) {
    return run(config, suite, gateway, scenario, thresholds, GatewayLiveness.of(gateway, config), System.out);
  }

  static RunResult run(BenchConfig config, String suite, Gateway gateway, Scenario scenario, Thresholds thresholds,
      AbortSignal liveness, PrintStream console) {
    ChatRequestFactory requests = ChatRequestFactory.of(config.testModel(), config.maxTokens(),
        config.temperature(), streaming(config));
    return run(suite, gateway, scenario, thresholds, requests, liveness, console);
  }

  /** As {@link #run(BenchConfig, String, Gateway, Scenario, Thresholds)} with these request bodies. */
  static RunResult run(String suite, Gateway gateway, Scenario scenario, Thresholds thresholds,
      ChatRequestFactory requests, AbortSignal liveness, PrintStream console) {
    Target target = new Target(gateway.name(), gateway.chatCompletionsUrl(), gateway.authHeaders());
    return StandardMetrics.runner(LoadEngine.of(requests), console)
        .run(suite, target, scenario, StandardMetrics.checks(thresholds), liveness);
  }

  /**
   * A few seconds of discarded load against the mock with no latency, once per JVM before the first
   * measured run: the driver, the parsers, the recorders and the mock are compiled by then, so the
   * first row measured (usually Direct) does not carry the JVM's warm-up in its tail.
   */
  static void warmUp(BenchConfig config, MockUpstream mock) {
    ChatRequestFactory requests = ChatRequestFactory.of(config.testModel(), config.maxTokens(),
        config.temperature(), streaming(config));
    Target target = Target.of("warm-up", mock.baseUrl() + "/v1/chat/completions")
        .withHeader("x-mock-ttft-ms", "0").withHeader("x-mock-itl-ms", "0");
    StandardMetrics.runner(LoadEngine.of(requests)).run("warm-up", target, Scenario.constantVus(10, WARM_UP));
  }

  /** {@code gatebench.stream=true} sends {@code stream: true} and measures time to first token and inter-token gaps. */
  static boolean streaming(BenchConfig config) {
    return config.get("gatebench.stream").map(Boolean::parseBoolean).orElse(false);
  }
}
