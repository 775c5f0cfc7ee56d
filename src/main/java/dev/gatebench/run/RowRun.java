package dev.gatebench.run;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Thresholds;
import dev.gatebench.upstream.MockUpstream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a {@link RowPlan} may do with one row: drive a scenario against its gateway, streamed or not,
 * watched or not; write a run with the row's facts; judge a check by {@code gatebench.checks}. Scenarios
 * are run as given (a plan scales them). The mock's counters are reset before each load, so a plan reads
 * them right after the load it judges.
 */
final class RowRun {
  private static final String DIRECT = "direct";

  private final BenchRun bench;
  private final String suite;
  private final Gateway gateway;
  private final BenchConfig settings;
  private final Thresholds thresholds;

  RowRun(BenchRun bench, String suite, Gateway gateway, BenchConfig settings, Thresholds thresholds) {
    this.bench = bench;
    this.suite = suite;
    this.gateway = gateway;
    this.settings = settings;
    this.thresholds = thresholds;
  }

  String suite() {
    return suite;
  }

  /** The configuration with the suite's own settings over it. */
  BenchConfig settings() {
    return settings;
  }

  Optional<MockUpstream> mock() {
    return bench.mock();
  }

  Gateway gateway() {
    return gateway;
  }

  /** {@code result} with the suite's thresholds evaluated, for a plan that measures without the load runner. */
  RunResult evaluated(RunResult result) {
    return thresholds.evaluate(result);
  }

  /** Whether this is the reference row, the mock reached directly. */
  boolean isDirect() {
    return gateway.name().equals(DIRECT);
  }

  /** A value kept for the whole run under its type, made on first use: e.g. the reference row's sweeps. */
  <T> T shared(Class<T> type, Supplier<T> create) {
    return bench.shared(type, create);
  }

  /** Drives {@code scenario} with the suite's thresholds; nothing is written. */
  RunResult load(String name, Scenario scenario, boolean stream) {
    bench.mock().ifPresent(m -> m.counters().reset()); // rows never run at the same time
    BenchConfig streamed = settings.with(Map.of("gatebench.stream", Boolean.toString(stream)));
    return Loads.run(streamed, name, gateway, scenario, thresholds);
  }

  /** As {@link #load}, with the gateway's CPU, memory and Prometheus metrics watched. */
  RunResult observed(String name, Scenario scenario, boolean stream) {
    Observation observation = Observation.start(gateway);
    return observation.finish(load(name, scenario, stream));
  }

  /**
   * Drives {@code scenario} with {@code requests} (see {@link #requests}) and the suite's thresholds, the
   * gateway's resources watched; the mock's counters are left as they are, since other loads may run beside it.
   */
  RunResult observed(String name, Scenario scenario, ChatRequestFactory requests) {
    Observation observation = Observation.start(gateway);
    return observation.finish(Loads.run(name, gateway, scenario, thresholds, requests,
        GatewayLiveness.of(gateway, settings), System.out));
  }

  /** As {@link #observed(String, Scenario, ChatRequestFactory)} without thresholds, watching or progress: a load beside the measured one. */
  RunResult beside(String name, Scenario scenario, ChatRequestFactory requests) {
    return Loads.run(name, gateway, scenario, Thresholds.none(), requests, GatewayLiveness.of(gateway, settings),
        new PrintStream(OutputStream.nullOutputStream()));
  }

  /** Requests of the configured model and temperature with these tokens, streaming and prompts. */
  ChatRequestFactory requests(int maxTokens, boolean stream, List<String> prompts) {
    return ChatRequestFactory.of(settings.testModel(), maxTokens, settings.temperature(), stream, prompts);
  }

  /** Writes {@code result} with the gateway's and upstream's facts and {@code more} in its environment. */
  Measurement keep(RunResult result, Map<String, Object> more) {
    RunResult full = result.withEnvironment(bench.facts(gateway, settings)).withEnvironment(more);
    return new Measurement(full, bench.keep(full));
  }

  /**
   * The row judged by its plan's check: {@code failures} of the plan's own, then the thresholds that
   * {@code runs} crossed ({@link RowResult#judged}).
   */
  RowResult judged(String check, List<Measurement> runs, List<String> failures) {
    List<String> all = new ArrayList<>(failures);
    all.addAll(RowResult.crossed(runs));
    return RowResult.judged(runs, check(check, all));
  }

  /** A check of this row; a failed one not enforced is said on the console. */
  RowCheck check(String name, List<String> failures) {
    RowCheck check = new RowCheck(name, gateway.displayName(), failures, RowCheck.enforced(settings, isDirect()));
    check.notice().ifPresent(System.out::println);
    return check;
  }
}
