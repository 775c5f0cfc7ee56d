package dev.gatebench.report.gate;

import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.LoadRunner;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regression gate's power and false-alarm rate on real measurements: gatebench's load engine
 * against the real mock upstream. The Direct row calls the mock (30 ms to answer); the "gateway" row
 * calls the same mock with {@code x-mock-ttft-ms} set, so its overhead is known exactly: none in the
 * baseline, then +2 ms, +10 % (3 ms) or none in the current run. Each trial records a fresh
 * baseline and a fresh current run (Direct and gateway each time) and asks the gate, with its
 * default settings, for a verdict.
 *
 * <p>Run: {@code scripts/bench-gate.sh --mock [trials] [seconds per run]}.
 */
public final class GateMockBenchmark {
  private static final double DIRECT_TTFT_MS = 30;
  private static final int RATE_PER_SECOND = 100;

  private GateMockBenchmark() {}

  record Condition(String name, double gatewayTtftMs, boolean shouldFail) {}

  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Duration perRun = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 6);
    List<Condition> conditions = List.of(
        new Condition("+2 ms", DIRECT_TTFT_MS + 2, true),
        new Condition("+10 %", DIRECT_TTFT_MS * 1.10, true),
        new Condition("no change", DIRECT_TTFT_MS, false));
    int[] failed = new int[conditions.size()];
    try (MockUpstream mock = MockUpstream.builder()
        .latency(LatencyProfile.fixed(Duration.ofMillis((long) DIRECT_TTFT_MS), Duration.ZERO)).outputTokens(20).start()) {
      Bench bench = new Bench(mock, perRun);
      bench.run("direct", DIRECT_TTFT_MS); // warm-up, discarded
      for (int t = 0; t < trials; t++) {
        Baseline baseline = RegressionGate.record("gate",
            List.of(bench.run("direct", DIRECT_TTFT_MS), bench.run("gateway", DIRECT_TTFT_MS)), Map.of());
        RunResult direct = bench.run("direct", DIRECT_TTFT_MS);
        for (int c = 0; c < conditions.size(); c++) {
          RunResult gateway = bench.run("gateway", conditions.get(c).gatewayTtftMs());
          if (!RegressionGate.check(baseline, List.of(direct, gateway), GateSettings.defaults()).passed()) failed[c]++;
        }
        System.out.printf(Locale.ROOT, "trial %2d/%d: failed so far %s%n", t + 1, trials, java.util.Arrays.toString(failed));
      }
    }
    System.out.printf(Locale.ROOT, "%nreal mock, %d req/s, %d s per run, Direct %.0f ms; gate defaults%n",
        RATE_PER_SECOND, perRun.toSeconds(), DIRECT_TTFT_MS);
    for (int c = 0; c < conditions.size(); c++) {
      Condition condition = conditions.get(c);
      boolean ok = condition.shouldFail() ? failed[c] * 20 >= trials * 19 : (trials - failed[c]) * 20 >= trials * 19;
      System.out.printf(Locale.ROOT, "%-10s gate failed %2d/%d  %s%n", condition.name(), failed[c], trials,
          ok ? "ok" : (condition.shouldFail() ? "POWER LOW" : "TOO MANY FALSE ALARMS"));
    }
  }

  /** One row's run: the mock at a given TTFT, open model, per-second medians in the time series. */
  private record Bench(MockUpstream mock, Duration perRun) {
    RunResult run(String name, double ttftMs) {
      Target target = Target.of(name, mock.baseUrl() + "/v1/chat/completions")
          .withHeader("x-mock-ttft-ms", String.format(Locale.ROOT, "%.3f", ttftMs));
      LoadRunner runner = StandardMetrics.runner(LoadEngine.of(
          ChatRequestFactory.of("claude-sonnet-4-5-20250929", 20, 0.7, false)));
      return runner.run("gate", target, Scenario.constantArrivalRate(RATE_PER_SECOND, Duration.ofSeconds(1), perRun)
          .preAllocatedVus(20).maxVus(200));
    }
  }
}
