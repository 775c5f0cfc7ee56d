package dev.gatebench.report;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Builds in-memory {@link RunResult}s for tests: a run whose requests take a log-normal latency
 * around a median, with per-second stats, a k6-shaped summary and an HdrHistogram. Mutable; one per test.
 */
public final class RunResultFixture {
  private final String suite;
  private final String target;
  private double medianMs = 20;
  private double sigma = 0.1;
  private int seconds = 30;
  private int requestsPerSecond = 10;
  private int vusFrom = 1;
  private int vusTo = 1;
  private double errorRate;
  private long seed = 1;
  private final Map<String, Object> environment = new LinkedHashMap<>();
  private final Map<String, String> config = new LinkedHashMap<>(Map.of("gatebench.timeScale", "1"));
  private final Map<ErrorKind, Long> errorCounts = new java.util.EnumMap<>(ErrorKind.class);

  private RunResultFixture(String suite, String target) {
    this.suite = suite;
    this.target = target;
  }

  public static RunResultFixture run(String suite, String target) {
    return new RunResultFixture(suite, target);
  }

  public RunResultFixture medianMs(double ms) { this.medianMs = ms; return this; }
  public RunResultFixture sigma(double logSigma) { this.sigma = logSigma; return this; }
  public RunResultFixture seconds(int s) { this.seconds = s; return this; }
  public RunResultFixture requestsPerSecond(int rps) { this.requestsPerSecond = rps; return this; }
  public RunResultFixture vus(int from, int to) { this.vusFrom = from; this.vusTo = to; return this; }
  public RunResultFixture errorRate(double rate) { this.errorRate = rate; return this; }
  public RunResultFixture seed(long s) { this.seed = s; return this; }
  public RunResultFixture environment(String key, Object value) { environment.put(key, value); return this; }
  public RunResultFixture config(String key, String value) { config.put(key, value); return this; }
  public RunResultFixture errorCounts(Map<ErrorKind, Long> counts) { errorCounts.putAll(counts); return this; }

  public RunResult build() {
    SplittableRandom random = new SplittableRandom(seed);
    Histogram all = new Histogram(3);
    List<IntervalStats> series = new java.util.ArrayList<>();
    long errors = 0;
    for (int s = 0; s < seconds; s++) {
      int vus = vusFrom + (vusTo - vusFrom) * s / Math.max(1, seconds - 1);
      double load = 1 + 0.02 * vus;
      double[] ms = new double[requestsPerSecond];
      for (int i = 0; i < ms.length; i++) {
        ms[i] = medianMs * load * Math.exp(sigma * gaussian(random));
        all.recordValue(Math.round(ms[i] * 1e6));
      }
      long secondErrors = Math.round(errorRate * requestsPerSecond);
      errors += secondErrors;
      Arrays.sort(ms);
      series.add(new IntervalStats(s, requestsPerSecond, secondErrors, vus, pct(ms, 50), pct(ms, 95), pct(ms, 99),
          ms[ms.length - 1], pct(ms, 50) * 0.3, 100L * requestsPerSecond));
    }
    return new RunResult(suite, target, Instant.parse("2026-11-27T21:00:00Z"), seconds * 1000L,
        metrics(all, errors), series, Map.of(MetricNames.CHAT_COMPLETION_LATENCY, encode(all)),
        Map.of("executor", "constant-vus"), config, environment);
  }

  private Map<String, MetricSummary> metrics(Histogram h, long errors) {
    long total = (long) seconds * requestsPerSecond;
    Map<String, Double> latency = new LinkedHashMap<>();
    latency.put("min", h.getMinValue() / 1e6);
    latency.put("avg", h.getMean() / 1e6);
    latency.put("med", h.getValueAtPercentile(50) / 1e6);
    for (double p : new double[] {90, 95, 99, 99.9}) {
      latency.put("p(" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)) + ")",
          h.getValueAtPercentile(p) / 1e6);
    }
    latency.put("max", h.getMaxValue() / 1e6);
    latency.put("count", (double) total);
    Map<String, MetricSummary> metrics = new LinkedHashMap<>();
    errorCounts.forEach((kind, count) -> metrics.put(MetricNames.errors(kind), new MetricSummary("counter",
        "default", Map.of("count", (double) count, "rate", count / (double) seconds), Map.of())));
    metrics.putAll(Map.of(
        MetricNames.CHAT_COMPLETION_LATENCY, new MetricSummary("trend", "time", latency, Map.of()),
        MetricNames.REQUESTS_TOTAL, new MetricSummary("counter", "default",
            Map.of("count", (double) total, "rate", (double) requestsPerSecond), Map.of()),
        MetricNames.ERROR_RATE, new MetricSummary("rate", "default",
            Map.of("rate", errors / (double) total, "passes", (double) errors, "fails", (double) (total - errors)),
            Map.of()),
        MetricNames.TOKENS_PER_SECOND, new MetricSummary("trend", "default",
            Map.of("avg", 100 / (medianMs / 1000), "med", 100 / (medianMs / 1000)), Map.of())));
    return metrics;
  }

  private static double pct(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  static String encode(Histogram h) {
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }
}
