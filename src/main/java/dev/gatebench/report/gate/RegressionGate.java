package dev.gatebench.report.gate;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.metrics.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares a run's gateway overhead over Direct with a stored baseline. A gateway/metric fails
 * when the Mann-Whitney test finds current samples larger with {@code p < alpha} and the median
 * shift reaches the minimum effect; the bootstrap interval is reported with it. Stateless.
 *
 * <p>From the JUnit layer, after each suite class, over that suite's runs (see
 * {@code AfterSuites.finishSuite}): {@code RegressionGate.runConfigured(config, results).ifPresent(GateReport::assertPassed)}.
 */
public final class RegressionGate {
  /** The reference row's target name in {@link RunResult#target()}. */
  public static final String DIRECT = "direct";
  /** Settings that shape the mock's latency; a baseline taken with others compares less well. */
  static final List<String> PROFILE_SETTINGS = List.of("gatebench.mock.ttft", "gatebench.mock.itl",
      "gatebench.timeScale", "TEST_MAX_TOKENS");

  private RegressionGate() {}

  /**
   * Builds a suite's baseline from its runs.
   *
   * @param results this suite's runs, the Direct row included
   * @throws IllegalArgumentException if there is no Direct run of the suite
   */
  public static Baseline record(String suite, List<RunResult> results, Map<String, String> facts) {
    RunResult direct = direct(suite, results);
    Map<GateMetric, List<Double>> directMs = new EnumMap<>(GateMetric.class);
    Map<String, Map<GateMetric, List<Double>>> gatewayMs = new LinkedHashMap<>();
    for (GateMetric metric : GateMetric.values()) {
      directMs.put(metric, boxed(OverheadSamples.perSecond(direct, metric)));
      for (RunResult run : gateways(suite, results)) {
        gatewayMs.computeIfAbsent(run.target(), k -> new EnumMap<>(GateMetric.class))
            .put(metric, boxed(OverheadSamples.perSecond(run, metric)));
      }
    }
    Map<String, String> allFacts = new LinkedHashMap<>(profile(direct));
    allFacts.putAll(facts);
    return new Baseline(suite, Instant.now(), directMs, gatewayMs, allFacts);
  }

  /** Compares this suite's runs with its baseline; gateways missing on either side become notes. */
  public static GateReport check(Baseline baseline, List<RunResult> results, GateSettings settings) {
    String suite = baseline.suite();
    RunResult direct = direct(suite, results);
    List<GateVerdict> verdicts = new ArrayList<>();
    List<String> notes = new ArrayList<>(profileNotes(baseline, direct));
    for (RunResult run : gateways(suite, results)) {
      if (!baseline.gatewayMs().containsKey(run.target())) {
        notes.add("not compared: " + run.target() + " in suite '" + suite + "' has no baseline yet");
        continue;
      }
      for (GateMetric metric : GateMetric.values()) {
        Series now = new Series(OverheadSamples.perSecond(run, metric), OverheadSamples.perSecond(direct, metric));
        Series then = new Series(baseline.gateway(run.target(), metric), baseline.direct(metric));
        compare(suite, run.target(), metric, then, now, settings).ifPresentOrElse(verdicts::add,
            () -> notes.add("not compared: " + run.target() + " " + metric.label() + " in suite '" + suite
                + "' has no per-second samples"));
      }
    }
    baseline.gatewayMs().keySet().stream().filter(g -> gateways(suite, results).stream()
        .noneMatch(r -> r.target().equals(g))).forEach(g -> notes.add("not compared: " + g
        + " is in the baseline of suite '" + suite + "' but did not run"));
    return new GateReport(verdicts, notes);
  }

  /**
   * One comparison; empty when a side has no samples. Fails when the test is significant, the
   * shift reaches the minimum effect, and the bootstrap interval lies above zero: unlike the rank
   * test, the interval knows that all seconds of a run share one Direct median, whose error would
   * otherwise pass for a shift (in simulation, 3 of 20 unchanged runs failed without this rule).
   */
  static Optional<GateVerdict> compare(String suite, String gateway, GateMetric metric, Series baseline,
      Series current, GateSettings settings) {
    double[] before = OverheadSamples.of(baseline.gatewayMs(), baseline.directMs());
    double[] now = OverheadSamples.of(current.gatewayMs(), current.directMs());
    if (before.length == 0 || now.length == 0) return Optional.empty();
    MannWhitney.Result test = MannWhitney.test(now, before, settings.alternative());
    MedianShift.Estimate shift = MedianShift.overheadShift(current.gatewayMs(), current.directMs(),
        baseline.gatewayMs(), baseline.directMs(), settings.intervalConfidence(), settings.resamples(),
        settings.seed());
    double baselineMs = MedianShift.median(before);
    double minEffect = settings.minEffectMs(baselineMs);
    boolean failed = test.pValue() < settings.alpha() && shift.shift() >= minEffect && shift.lower() > 0;
    return Optional.of(new GateVerdict(suite, gateway, metric, baselineMs, MedianShift.median(now), shift,
        test.pValue(), minEffect, settings.alpha(), failed));
  }

  /** One side of a comparison: a gateway's and the Direct row's per-second values, ms. */
  record Series(double[] gatewayMs, double[] directMs) {}

  /** The Direct run's latency-shaping settings, as recorded in its config. */
  static Map<String, String> profile(RunResult direct) {
    Map<String, String> profile = new LinkedHashMap<>();
    PROFILE_SETTINGS.forEach(k -> {
      String v = direct.config().get(k);
      if (v != null) profile.put(k, v);
    });
    return profile;
  }

  private static List<String> profileNotes(Baseline baseline, RunResult direct) {
    Map<String, String> now = profile(direct);
    return PROFILE_SETTINGS.stream().filter(k -> baseline.facts().containsKey(k) && now.containsKey(k)
        && !baseline.facts().get(k).equals(now.get(k)))
        .map(k -> "caution: suite '" + baseline.suite() + "' baseline was recorded with " + k + "="
            + baseline.facts().get(k) + ", this run used " + now.get(k) + "; overheads may not compare")
        .toList();
  }

  private static List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  /**
   * What {@code -Dgatebench.baseline} and {@code -Dgatebench.updateBaseline} ask for, over all
   * suites in {@code results}: with updateBaseline, writes one baseline per suite into the
   * baseline folder (default {@code baseline/}) and returns empty; with baseline, checks each
   * suite and returns the combined report; with neither, returns empty.
   *
   * @throws BaselineException for a missing, corrupt or wrong-suite baseline
   */
  public static Optional<GateReport> runConfigured(BenchConfig config, List<RunResult> results) {
    Optional<String> location = config.get("gatebench.baseline");
    boolean update = config.flag("gatebench.updateBaseline", false);
    if (update) {
      Path dir = Path.of(location.orElse("baseline"));
      if (dir.toString().endsWith(".json")) dir = Objects.requireNonNullElse(dir.getParent(), Path.of("."));
      for (String suite : suites(results)) BaselineStore.write(record(suite, results, Map.of()), dir);
      return Optional.empty();
    }
    if (location.isEmpty()) return Optional.empty();
    GateSettings settings = GateSettings.from(config);
    List<GateVerdict> verdicts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String suite : suites(results)) {
      GateReport one = check(BaselineStore.read(Path.of(location.get()), suite), results, settings);
      verdicts.addAll(one.verdicts());
      notes.addAll(one.notes());
    }
    return Optional.of(new GateReport(verdicts, notes));
  }

  private static TreeSet<String> suites(List<RunResult> results) {
    TreeSet<String> suites = new TreeSet<>();
    results.forEach(r -> suites.add(r.suite()));
    return suites;
  }

  private static RunResult direct(String suite, List<RunResult> results) {
    return results.stream().filter(r -> r.suite().equals(suite) && r.target().equals(DIRECT)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the regression gate needs the '" + DIRECT
            + "' row of suite '" + suite + "' to measure overhead; run it with -Dgatebench.gateways including direct"));
  }

  private static List<RunResult> gateways(String suite, List<RunResult> results) {
    return results.stream().filter(r -> r.suite().equals(suite) && !r.target().equals(DIRECT)).toList();
  }
}
