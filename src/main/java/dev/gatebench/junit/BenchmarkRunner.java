package dev.gatebench.junit;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Thresholds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a suite calls to run one scenario against one gateway. Around the load itself it checks
 * the gateway answers a chat completion, scales the scenario by {@code gatebench.timeScale}, samples
 * the gateway's CPU and memory, scrapes its Prometheus metrics before and after, evaluates the
 * thresholds, writes {@code <suite>-<gateway>-<timestamp>.json} and attaches it to Allure. A run that
 * ended early (its gateway died, or an abortOnFail threshold failed) is written too, then fails its row.
 */
public final class BenchmarkRunner {
  private final BenchSession session;

  BenchmarkRunner(BenchSession session) {
    this.session = session;
  }

  /**
   * @param suite the result's suite name, e.g. {@code baseline}
   * @param scenario at full length; it is scaled by {@code gatebench.timeScale} here
   * @param thresholds k6 thresholds recorded in the result and shown as Allure steps
   * @return the run, thresholds evaluated; already on disk
   */
  public RunResult run(String suite, Gateway gateway, Scenario scenario, Thresholds thresholds) {
    try {
      return measure(suite, gateway, scenario, thresholds);
    } catch (RuntimeException | AssertionError e) {
      AllureRun.attachLog(gateway);
      throw e;
    }
  }

  private RunResult measure(String suite, Gateway gateway, Scenario scenario, Thresholds thresholds) {
    session.mock().ifPresent(mock -> mock.counters().reset()); // gateways never run at the same time
    GatewayCheck.assertAnswersChatCompletion(gateway, session.config());
    Scenario scaled = scenario.scaled(session.config().timeScale());
    Observation observation = Observation.start(gateway);
    RunResult measured = Loads.run(session.config(), suite, gateway, scaled, thresholds);
    RunResult result = observation.finish(measured).withEnvironment(facts(gateway));
    Path file = session.keep(result);
    AllureRun.describe(result, gateway, file, session.config().timeScale());
    Loads.requireCompleted(result, file);
    return result;
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
