package dev.gatebench.junit;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import dev.gatebench.threshold.Thresholds;
import dev.gatebench.upstream.MockUpstream;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a suite calls to run several scenarios against one row, each streamed or not whatever
 * {@code gatebench.stream} says: whole runs written as results ({@link #run}), or raw steps that a
 * suite combines into one result ({@link #step}, then {@link #record}). Resolved as a test parameter
 * by {@link RowRunnerExtension}; the session (mock, gateways, results) is the one {@link BenchmarkRunner} uses.
 */
public final class RowRunner {
  private static final String DIRECT = "direct";
  private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(RowRunner.class);

  private final BenchSession session;
  private final ExtensionContext.Store shared;

  RowRunner(BenchSession session, ExtensionContext.Store shared) {
    this.session = session;
    this.shared = shared;
  }

  static RowRunner of(ExtensionContext context) {
    return new RowRunner(BenchSession.of(context), context.getRoot().getStore(SHARED));
  }

  public BenchConfig config() {
    return session.config();
  }

  /** The mock upstream, absent with {@code gatebench.upstream=anthropic}. */
  public Optional<MockUpstream> mock() {
    return session.mock();
  }

  /** A value kept for the whole JVM under its type, made on first use: e.g. the reference row's figures. */
  public <T> T shared(Class<T> type, Supplier<T> create) {
    return shared.getOrComputeIfAbsent(type, key -> create.get(), type);
  }

  /**
   * Runs {@code scenario} (scaled by {@code gatebench.timeScale} here) as {@link BenchmarkRunner#run}
   * does, streamed or not; {@code more} adds environment blocks read right after the load ends, while
   * the mock's counters still hold this run's figures.
   *
   * @return the run, thresholds evaluated, {@code more} merged in; already on disk
   */
  public RunResult run(String suite, Gateway gateway, Scenario scenario, boolean stream, Thresholds thresholds,
      Function<RunResult, Map<String, Object>> more) {
    try {
      GatewayCheck.assertAnswersChatCompletion(gateway, session.config());
      resetMock();
      Observation observation = Observation.start(gateway);
      RunResult measured = load(suite, gateway, scenario.scaled(session.config().timeScale()), stream, thresholds);
      RunResult observed = observation.finish(measured);
      return record(observed, gateway, more.apply(observed));
    } catch (RuntimeException | AssertionError e) {
      AllureRun.attachLog(gateway);
      throw e;
    }
  }

  /** Runs {@code scenario} as given (not scaled), mock counters reset first; nothing is written. */
  public RunResult step(String suite, Gateway gateway, Scenario scenario, boolean stream) {
    resetMock();
    return load(suite, gateway, scenario, stream, Thresholds.of(Map.of()));
  }

  /**
   * Writes {@code result} with the gateway and upstream facts and {@code more} as
   * {@code <suite>-<gateway>-<timestamp>.json}, adds it to the comparison report and to Allure, and
   * fails the row if the run ended early.
   */
  public RunResult record(RunResult result, Gateway gateway, Map<String, Object> more) {
    RunResult full = result.withEnvironment(facts(gateway)).withEnvironment(more);
    Path file = RunResultJson.write(full, session.config().resultsDir());
    session.record(full);
    AllureRun.describe(full, gateway, file, session.config().timeScale());
    Loads.requireCompleted(full, file);
    return full;
  }

  /**
   * One Allure step for checks a good gateway passes, passed when {@code failures} is empty; then fails
   * the row unless {@code gatebench.checks=report} (the smoke's setting), which records and prints
   * the failures instead. The Direct row is always held to them: its failure means the harness or the
   * mock is wrong, not a gateway.
   *
   * @throws AssertionError naming the row and each failed check
   */
  public void check(String name, Gateway gateway, List<String> failures) {
    Allure.step(name + (failures.isEmpty() ? "" : ": " + String.join("; ", failures)),
        failures.isEmpty() ? Status.PASSED : Status.FAILED);
    if (failures.isEmpty()) return;
    String message = gateway.displayName() + " fails '" + name + "':\n  " + String.join("\n  ", failures);
    boolean reportOnly = "report".equals(session.config().get("gatebench.checks").orElse("enforce"));
    if (reportOnly && !gateway.name().equals(DIRECT)) {
      System.out.println(message + "\n  (recorded, not failed: gatebench.checks=report)");
      return;
    }
    throw new AssertionError(message);
  }

  private RunResult load(String suite, Gateway gateway, Scenario scenario, boolean stream, Thresholds thresholds) {
    BenchConfig config = session.config();
    ChatRequestFactory requests = ChatRequestFactory.of(config.testModel(), config.maxTokens(),
        config.temperature(), stream);
    Target target = new Target(gateway.name(), gateway.chatCompletionsUrl(), gateway.authHeaders());
    return StandardMetrics.runner(LoadEngine.of(requests), System.out)
        .run(suite, target, scenario, StandardMetrics.checks(thresholds), GatewayLiveness.of(gateway, config));
  }

  private void resetMock() {
    session.mock().ifPresent(mock -> mock.counters().reset()); // rows never run at the same time
  }

  private Map<String, Object> facts(Gateway gateway) {
    Map<String, Object> facts = new LinkedHashMap<>();
    Map<String, Object> gatewayFacts = new LinkedHashMap<>(gateway.facts());
    gatewayFacts.put("name", gateway.name());
    gatewayFacts.put("version", gateway.version());
    facts.put("gateway", gatewayFacts);
    Map<String, Object> upstream = new LinkedHashMap<>(session.upstreamFacts());
    session.mock().ifPresent(mock -> upstream.put("received", mock.counters().snapshot()));
    facts.put("upstream", upstream);
    facts.put("timeScale", session.config().timeScale());
    facts.put("settings", session.config().redacted());
    return facts;
  }
}
