package dev.gatebench.capacity;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.DROPPED_ITERATIONS;
import static dev.gatebench.metrics.MetricNames.REQUESTS_FAILED;
import static dev.gatebench.metrics.MetricNames.REQUESTS_TOTAL;
import static dev.gatebench.metrics.MetricNames.TIME_TO_FIRST_TOKEN;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One step of a sweep: what was offered, what came back, and whether it held the bound. Latencies
 * in ms from each request's intended start (coordinated omission corrected), successes only; NaN
 * when not measured.
 *
 * @param offeredRate requests/s the schedule offered, >= 1
 * @param achievedRate requests/s that ended during the step
 * @param requests requests that ended, >= 0
 * @param failed of which failed, >= 0
 * @param dropped arrivals dropped because every VU was busy, >= 0
 * @param p50Ms median latency
 * @param p99Ms 99th percentile latency
 * @param ttftP99Ms 99th percentile time to first token (streamed steps), NaN otherwise
 * @param referenceP99Ms the Direct row's p99 at this rate and mode (the row's own for Direct)
 * @param withinBound whether the step held the bound
 * @param note why it did not, with the numbers; empty when it did
 */
public record CapacityStep(long offeredRate, double achievedRate, long requests, long failed, long dropped,
    double p50Ms, double p99Ms, double ttftP99Ms, double referenceP99Ms, boolean withinBound, String note) {

  public CapacityStep {
    if (offeredRate < 1) throw new IllegalArgumentException("offeredRate must be >= 1 but was " + offeredRate);
    if (requests < 0 || failed < 0 || dropped < 0) {
      throw new IllegalArgumentException("counts must be >= 0 but were requests " + requests + ", failed " + failed
          + ", dropped " + dropped);
    }
    note = note == null ? "" : note;
  }

  /**
   * Judges a step's run by {@code rule} against the reference p99.
   *
   * @param stepSeconds how long the rate was offered, > 0
   * @param referenceP99Ms the Direct row's p99 at this rate; empty for the Direct row itself, which is
   *     its own reference (so only errors and dropped arrivals put it past the bound)
   */
  public static CapacityStep judge(long offeredRate, double stepSeconds, RunResult run,
      OptionalDouble referenceP99Ms, KneeRule rule) {
    long requests = (long) value(run, REQUESTS_TOTAL, "count");
    long failed = (long) value(run, REQUESTS_FAILED, "count");
    long dropped = (long) value(run, DROPPED_ITERATIONS, "count");
    long successes = requests - failed;
    double p50 = successes > 0 ? value(run, CHAT_COMPLETION_LATENCY, "med") : Double.NaN;
    double p99 = successes > 0 ? value(run, CHAT_COMPLETION_LATENCY, "p(99)") : Double.NaN;
    double ttftP99 = count(run, TIME_TO_FIRST_TOKEN) > 0 ? value(run, TIME_TO_FIRST_TOKEN, "p(99)") : Double.NaN;
    double reference = referenceP99Ms.orElse(p99);
    String note = note(requests, failed, dropped, p99, reference, rule);
    return new CapacityStep(offeredRate, requests / stepSeconds, requests, failed, dropped, p50, p99, ttftP99,
        reference, note.isEmpty(), note);
  }

  private static String note(long requests, long failed, long dropped, double p99, double referenceP99Ms,
      KneeRule rule) {
    if (requests == 0 || failed == requests) return "no request succeeded";
    if (failed > rule.maxErrorRate() * requests) {
      return fmt("%d of %d requests failed (allowed %.1f%%)", failed, requests, rule.maxErrorRate() * 100);
    }
    if (dropped > 0) return fmt("%d arrivals dropped: every VU was busy", dropped);
    if (!Double.isFinite(referenceP99Ms)) return "no Direct p99 at this rate to compare with";
    if (p99 - referenceP99Ms > rule.boundMs()) {
      return fmt("p99 %.1f ms is %.1f ms over Direct's %.1f ms, above the %.0f ms bound", p99, p99 - referenceP99Ms,
          referenceP99Ms, rule.boundMs());
    }
    return "";
  }

  /** p99 over the reference's, ms; NaN when either is missing. */
  public double overheadP99Ms() {
    return p99Ms - referenceP99Ms;
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("offeredRate", offeredRate);
    map.put("achievedRate", achievedRate);
    map.put("requests", requests);
    map.put("failed", failed);
    map.put("dropped", dropped);
    putFinite(map, "p50Ms", p50Ms);
    putFinite(map, "p99Ms", p99Ms);
    putFinite(map, "ttftP99Ms", ttftP99Ms);
    putFinite(map, "referenceP99Ms", referenceP99Ms);
    putFinite(map, "overheadP99Ms", overheadP99Ms());
    map.put("withinBound", withinBound);
    map.put("note", note);
    return map;
  }

  static CapacityStep fromMap(Map<?, ?> map) {
    return new CapacityStep(((Number) map.get("offeredRate")).longValue(), number(map, "achievedRate"),
        (long) number(map, "requests"), (long) number(map, "failed"), (long) number(map, "dropped"),
        number(map, "p50Ms"), number(map, "p99Ms"), number(map, "ttftP99Ms"), number(map, "referenceP99Ms"),
        Boolean.TRUE.equals(map.get("withinBound")), String.valueOf(map.get("note")));
  }

  static void putFinite(Map<String, Object> map, String key, double value) {
    if (Double.isFinite(value)) map.put(key, value);
  }

  static double number(Map<?, ?> map, String key) {
    return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static long count(RunResult run, String metric) {
    return (long) value(run, metric, "count");
  }

  private static double value(RunResult run, String metric, String key) {
    return run.metric(metric).map(MetricSummary::values).map(m -> m.get(key)).orElse(key.equals("count") ? 0.0
        : Double.NaN);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
