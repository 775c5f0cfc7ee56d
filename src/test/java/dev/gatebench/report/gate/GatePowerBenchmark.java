package dev.gatebench.report.gate;

import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The regression gate's power and false-alarm rate, by simulation through the real gate
 * ({@link RegressionGate#record} then {@link RegressionGate#check} with default settings).
 *
 * <p>Each trial makes a baseline run and a current run, each with a Direct row (per-second medians
 * around 20 ms) and a gateway row (Direct-like plus 3 ms overhead). Per-second medians carry
 * multiplicative noise (log-normal, or ratios measured on a real loopback HTTP server); each run
 * also gets a machine factor shared by its rows (log-normal, sigma 0.05), as a different CI
 * runner would. The current gateway is then slowed by +2 ms, by +10 %, or left unchanged.
 *
 * <p>Run: {@code scripts/bench-gate.sh} (or {@code java -cp target/classes:target/test-classes:<deps>
 * dev.gatebench.report.gate.GatePowerBenchmark [trials]}).
 */
public final class GatePowerBenchmark {
  private static final double DIRECT_MS = 20;
  private static final double OVERHEAD_MS = 3;
  private static final double P95_OVER_P50 = 1.3;
  private static final double MACHINE_SIGMA = 0.05;

  private GatePowerBenchmark() {}

  interface Noise {
    double factor(SplittableRandom random);
  }

  record Condition(String name, DoubleUnaryOperator slowdown, boolean shouldFail) {}

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    double[] real = LoopbackNoise.measureRatios(Duration.ofMillis(20), 21, 4);
    double realSigma = Math.sqrt(Arrays.stream(real).map(r -> Math.log(r) * Math.log(r)).average().orElse(0));
    System.out.printf(Locale.ROOT, "loopback server (20 ms service time, 4 clients): %d per-second medians, "
        + "log-sd %.4f, min/max ratio %.3f/%.3f%n", real.length, realSigma,
        Arrays.stream(real).min().orElse(0), Arrays.stream(real).max().orElse(0));
    List<Condition> conditions = List.of(
        new Condition("+2 ms", ms -> ms + 2, true),
        new Condition("+10 %", ms -> ms * 1.10, true),
        new Condition("no change", ms -> ms, false));
    System.out.printf("%-34s %8s  %-10s %s%n", "noise of per-second medians", "seconds", "condition", "gate failed");
    row("measured on loopback (resampled)", r -> real[r.nextInt(real.length)], 60, conditions, trials);
    for (double sigma : new double[] {0.02, 0.05, 0.10}) {
      for (int seconds : new int[] {30, 60}) {
        row(String.format(Locale.ROOT, "log-normal sigma %.2f", sigma), r -> Math.exp(sigma * gaussian(r)), seconds,
            conditions, trials);
      }
    }
  }

  private static void row(String noiseName, Noise noise, int seconds, List<Condition> conditions, int trials) {
    for (Condition c : conditions) {
      int failed = failures(noise, seconds, c, trials, 1000L * seconds + noiseName.hashCode());
      String verdict = c.shouldFail() ? (failed >= trials * 19 / 20 ? "power ok" : "POWER LOW")
          : (trials - failed >= trials * 19 / 20 ? "false alarms ok" : "TOO MANY FALSE ALARMS");
      System.out.printf("%-34s %8d  %-10s %2d/%d  %s%n", noiseName, seconds, c.name(), failed, trials, verdict);
    }
  }

  /** How many of {@code trials} simulated comparisons the gate failed. */
  static int failures(Noise noise, int seconds, Condition condition, int trials, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int failed = 0;
    for (int t = 0; t < trials; t++) {
      Baseline baseline = RegressionGate.record("baseline", runPair(noise, seconds, ms -> ms, random), Map.of());
      List<RunResult> current = runPair(noise, seconds, condition.slowdown(), random);
      if (!RegressionGate.check(baseline, current, GateSettings.defaults()).passed()) failed++;
    }
    return failed;
  }

  private static List<RunResult> runPair(Noise noise, int seconds, DoubleUnaryOperator gatewaySlowdown,
      SplittableRandom random) {
    double machine = Math.exp(MACHINE_SIGMA * gaussian(random));
    return List.of(
        run("direct", seconds, i -> DIRECT_MS * machine * noise.factor(random)),
        run("litellm", seconds, i -> gatewaySlowdown.applyAsDouble((DIRECT_MS + OVERHEAD_MS) * machine
            * noise.factor(random))));
  }

  private static RunResult run(String target, int seconds, DoubleUnaryOperator p50MsOfSecond) {
    List<IntervalStats> series = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      double p50 = p50MsOfSecond.applyAsDouble(s);
      series.add(new IntervalStats(s, 10, 0, 1, p50, p50 * P95_OVER_P50, p50 * 1.5, p50 * 1.6, p50 / 2, 1000));
    }
    return new RunResult("baseline", target, Instant.EPOCH, seconds * 1000L, Map.of(), series, Map.of(), Map.of(),
        Map.of(), Map.of());
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
