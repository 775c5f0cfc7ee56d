package dev.gatebench.contention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A row's soak: its requests, and its memory and descriptors over time with least-squares slopes
 * over the samples after the warm-up, per 10 minutes (a growth that would kill a 1 GiB process in
 * hours shows as tens of MiB).
 *
 * @param plan what was offered
 * @param probe what was read, e.g. {@code process tree of pid 4242}
 * @param figures the soak's requests (failures include the injected faults a row hands on)
 * @param samples every reading, oldest first
 * @param gone why sampling ended early, e.g. the process exited; empty when it ran to the end
 */
public record SoakResult(SoakPlan plan, String probe, LatencyFigures figures, List<MemorySample> samples,
    Optional<String> gone) {
  /** The {@code environment} key of a soak's result. */
  public static final String ENVIRONMENT_KEY = "soak";
  /** Fewer samples than this after the warm-up give no slope. */
  public static final int MIN_SAMPLES = 5;
  private static final double MIB = 1024.0 * 1024.0;
  private static final double TEN_MINUTES_IN_SECONDS = 600;

  public SoakResult {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(figures, "figures");
    samples = List.copyOf(samples);
    Objects.requireNonNull(gone, "gone");
  }

  /**
   * The samples the fits use: those after the warm-up share of the soak and before its end (the reading
   * taken once the load has stopped shows what the row gave back, not its growth under load).
   */
  public List<MemorySample> fitted() {
    double end = plan.duration().toNanos() / 1e9;
    double from = end * plan.warmUp();
    return samples.stream().filter(s -> s.offsetSeconds() >= from && s.offsetSeconds() <= end).toList();
  }

  /** The fitted samples that read memory. */
  public List<MemorySample> fittedMemory() {
    return fitted().stream().filter(s -> s.rssBytes().isPresent()).toList();
  }

  /** Memory growth by the fit, MiB per 10 minutes; NaN with fewer than {@link #MIN_SAMPLES} samples. */
  public double rssSlopeMiBPer10Min() {
    List<MemorySample> fit = fittedMemory();
    if (fit.size() < MIN_SAMPLES) return Double.NaN;
    return slope(fit, fit.stream().mapToDouble(SoakResult::mib).toArray());
  }

  /** Descriptor growth by the fit, per 10 minutes; NaN when descriptors could not be read. */
  public double fdSlopePer10Min() {
    List<MemorySample> fit = fitted().stream().filter(s -> s.openFds().isPresent()).toList();
    if (fit.size() < MIN_SAMPLES) return Double.NaN;
    return slope(fit, fit.stream().mapToDouble(s -> s.openFds().getAsLong()).toArray());
  }

  /** The most descriptors seen, -1 when none could be read. */
  public long fdMax() {
    return samples.stream().filter(s -> s.openFds().isPresent()).mapToLong(s -> s.openFds().getAsLong()).max().orElse(-1);
  }

  /** The most memory seen, MiB. */
  public double rssMaxMiB() {
    return samples.stream().filter(s -> s.rssBytes().isPresent()).mapToDouble(SoakResult::mib).max().orElse(0);
  }

  private static double slope(List<MemorySample> fit, double[] y) {
    return LeastSquares.slope(fit.stream().mapToDouble(MemorySample::offsetSeconds).toArray(), y) * TEN_MINUTES_IN_SECONDS;
  }

  /** What failed, one line each with the numbers; empty when the row passed. */
  public List<String> failures() {
    List<String> failures = new ArrayList<>();
    gone.ifPresent(why -> failures.add("the row went away during the soak: " + why));
    if (!figures.anySucceeded()) failures.add("no request succeeded of " + figures.requests() + " " + figures.errors());
    double rss = rssSlopeMiBPer10Min();
    List<MemorySample> fit = fittedMemory();
    if (Double.isNaN(rss)) {
      failures.add("too few memory samples after the warm-up for a slope: " + fit.size() + " (needs " + MIN_SAMPLES + ")");
    } else if (rss > plan.rssBoundMiB()) {
      failures.add(fmt("memory grew %.1f MiB per 10 minutes by the fit over %d samples (%.1f -> %.1f MiB), above "
          + "the %.0f MiB bound", rss, fit.size(), mib(fit.getFirst()), mib(fit.getLast()), plan.rssBoundMiB()));
    }
    double fds = fdSlopePer10Min();
    if (fds > plan.fdBound()) {
      failures.add(fmt("open file descriptors grew %.0f per 10 minutes by the fit (at most %d seen), above the %.0f "
          + "bound", fds, fdMax(), plan.fdBound()));
    }
    return failures;
  }

  /** The result's {@code environment.soak}; {@code samples} are [offset s, memory bytes, descriptors], -1 where not read. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("plan", plan.toMap());
    map.put("probe", probe);
    map.put("requests", figures.toMap());
    Maps.putFinite(map, "rssSlopeMiBPer10Min", rssSlopeMiBPer10Min());
    Maps.putFinite(map, "fdSlopePer10Min", fdSlopePer10Min());
    map.put("rssMaxMiB", rssMaxMiB());
    if (fdMax() >= 0) map.put("fdMax", fdMax());
    map.put("fittedSamples", fittedMemory().size());
    gone.ifPresent(why -> map.put("gone", why));
    map.put("samples", samples.stream().map(s -> List.of(s.offsetSeconds(), s.rssBytes().orElse(-1),
        s.openFds().isPresent() ? s.openFds().getAsLong() : -1L)).toList());
    map.put("failures", failures());
    return map;
  }

  /**
   * What a soak's result file holds, for the report.
   *
   * @param fdMax -1 when descriptors could not be read
   */
  public record Recorded(double rssSlopeMiBPer10Min, double fdSlopePer10Min, double rssMaxMiB, long fdMax,
      LatencyFigures requests, String probe, boolean passed) {}

  public static Optional<Recorded> recorded(Map<String, Object> environment) {
    return Maps.section(environment, ENVIRONMENT_KEY).map(m -> new Recorded(Maps.number(m, "rssSlopeMiBPer10Min"),
        Maps.number(m, "fdSlopePer10Min"), Maps.number(m, "rssMaxMiB"),
        m.get("fdMax") instanceof Number n ? n.longValue() : -1,
        LatencyFigures.fromMap(Maps.section(m, "requests").orElse(Map.of())), String.valueOf(m.get("probe")),
        m.get("failures") instanceof List<?> f && f.isEmpty()));
  }

  private static double mib(MemorySample sample) {
    return sample.rssBytes().orElseThrow() / MIB;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
