package dev.gatebench.metrics.resources;

import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CPU and memory a gateway used during a run, for {@code RunResult.environment} under
 * {@link #ENVIRONMENT_KEY}. Immutable.
 *
 * @param source what was measured, e.g. {@code "process tree of pid 4242"} or {@code "docker stats gatebench-litellm"}
 * @param cpuSeconds CPU time (user + system) used over the sampling, seconds, >= 0
 * @param coresMean mean CPU in cores over the sampling, >= 0 (cpuSeconds / wall seconds)
 * @param coresPeak the busiest interval's CPU in cores, >= 0
 * @param rssPeakBytes largest resident set size seen, bytes
 * @param rssMeanBytes mean resident set size over the readings, bytes
 * @param samples readings taken, >= 0
 * @param series one entry per interval, oldest first
 * @param note caveat for the reader (what the figure includes), or empty string
 */
public record ResourceUsage(String source, double cpuSeconds, double coresMean, double coresPeak,
    long rssPeakBytes, long rssMeanBytes, int samples, List<ResourceSample> series, String note) {
  /** The key under which runs keep their resource use in {@code RunResult.environment}. */
  public static final String ENVIRONMENT_KEY = "resources";

  public ResourceUsage {
    Objects.requireNonNull(source, "source");
    note = note == null ? "" : note;
    series = List.copyOf(series);
    requireNonNegative("cpuSeconds", cpuSeconds);
    requireNonNegative("coresMean", coresMean);
    requireNonNegative("coresPeak", coresPeak);
    if (rssPeakBytes < 0 || rssMeanBytes < 0 || samples < 0) {
      throw new IllegalArgumentException("rssPeakBytes, rssMeanBytes and samples must be >= 0 but were "
          + rssPeakBytes + ", " + rssMeanBytes + ", " + samples);
    }
  }

  /**
   * CPU-seconds per 1,000 requests: how much CPU the gateway spends per unit of work.
   *
   * @param requests requests served while sampling, > 0; empty when 0
   */
  public Optional<Double> cpuSecondsPer1000Requests(long requests) {
    if (requests < 0) throw new IllegalArgumentException("requests must be >= 0 but was " + requests);
    return requests == 0 ? Optional.empty() : Optional.of(cpuSeconds * 1000.0 / requests);
  }

  /** JSON-friendly form for {@code RunResult.environment}; {@link #fromMap} reads it back. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("source", source);
    map.put("cpuSeconds", cpuSeconds);
    map.put("coresMean", coresMean);
    map.put("coresPeak", coresPeak);
    map.put("rssPeakBytes", rssPeakBytes);
    map.put("rssMeanBytes", rssMeanBytes);
    map.put("samples", samples);
    map.put("note", note);
    map.put("series", series.stream().map(ResourceUsage::sampleMap).toList());
    return map;
  }

  /** As {@link #toMap()} plus {@code requests} and {@code cpuSecondsPer1000Requests} when requests > 0. */
  public Map<String, Object> toMap(long requests) {
    Map<String, Object> map = toMap();
    cpuSecondsPer1000Requests(requests).ifPresent(v -> {
      map.put("requests", requests);
      map.put("cpuSecondsPer1000Requests", v);
    });
    return map;
  }

  /**
   * A copy of {@code run} with this usage under {@link #ENVIRONMENT_KEY}, per 1,000 requests from
   * the run's {@code requests_total} count.
   */
  public RunResult addTo(RunResult run) {
    long requests = run.metric(MetricNames.REQUESTS_TOTAL).map(m -> m.values().get("count"))
        .map(Double::longValue).orElse(0L);
    return run.withEnvironment(Map.of(ENVIRONMENT_KEY, toMap(requests)));
  }

  /** Reads {@link #toMap()}'s shape back, numbers in any boxed type (as JSON readers give them). */
  public static ResourceUsage fromMap(Map<?, ?> map) {
    List<ResourceSample> series = map.get("series") instanceof List<?> list
        ? list.stream().map(e -> sample((Map<?, ?>) e)).toList() : List.of();
    return new ResourceUsage(String.valueOf(map.get("source")), num(map, "cpuSeconds"), num(map, "coresMean"),
        num(map, "coresPeak"), (long) num(map, "rssPeakBytes"), (long) num(map, "rssMeanBytes"),
        (int) num(map, "samples"), series, map.get("note") == null ? "" : String.valueOf(map.get("note")));
  }

  private static Map<String, Object> sampleMap(ResourceSample s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("t", s.offsetSeconds());
    m.put("cores", s.cores());
    m.put("rssBytes", s.rssBytes());
    m.put("processes", s.processes());
    return m;
  }

  private static ResourceSample sample(Map<?, ?> m) {
    return new ResourceSample(num(m, "t"), num(m, "cores"), (long) num(m, "rssBytes"), (int) num(m, "processes"));
  }

  private static double num(Map<?, ?> map, String key) {
    Object v = map.get(key);
    if (v instanceof Number n) return n.doubleValue();
    throw new IllegalArgumentException("resource usage field '" + key + "' must be a number but was " + v);
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0)) throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
  }
}
