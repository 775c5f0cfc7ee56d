package dev.gatebench.contention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A row's short requests alone and beside long streams, and what the long streams did. The rise is
 * the short requests' percentile with the long streams minus without; the added rise is the row's rise
 * minus Direct's in the same run, which takes out what the mock and the machine add.
 *
 * @param plan what was offered
 * @param alone the short requests without long streams
 * @param contended the short requests while long streams ran
 * @param longStreams the long streams
 * @param reference Direct's result, empty for Direct itself (its own reference: added rise 0)
 */
public record HeadOfLineResult(HeadOfLinePlan plan, LatencyFigures alone, LatencyFigures contended,
    LatencyFigures longStreams, Optional<Rise> reference) {
  /** The {@code environment} key of a contended run's result. */
  public static final String ENVIRONMENT_KEY = "headOfLine";
  /** More failed requests than this, in any of the three loads, fails the row. */
  public static final double MAX_ERROR_RATE = 0.01;

  public HeadOfLineResult {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(alone, "alone");
    Objects.requireNonNull(contended, "contended");
    Objects.requireNonNull(longStreams, "longStreams");
    Objects.requireNonNull(reference, "reference");
  }

  /** Percentile rises in ms, with the long streams minus without; NaN where either is missing. */
  public record Rise(double p50Ms, double p95Ms, double p99Ms) {
    static Rise between(LatencyFigures alone, LatencyFigures contended) {
      return new Rise(contended.p50Ms() - alone.p50Ms(), contended.p95Ms() - alone.p95Ms(),
          contended.p99Ms() - alone.p99Ms());
    }

    Rise minus(Rise other) {
      return new Rise(p50Ms - other.p50Ms, p95Ms - other.p95Ms, p99Ms - other.p99Ms);
    }
  }

  public Rise rise() {
    return Rise.between(alone, contended);
  }

  /** The row's rise minus Direct's; the rise itself for Direct. */
  public Rise addedRise() {
    return reference.map(rise()::minus).orElse(new Rise(0, 0, 0));
  }

  /** What failed, one line each with the numbers; empty when the row passed. */
  public List<String> failures() {
    List<String> failures = new ArrayList<>();
    errors("short requests alone", alone).ifPresent(failures::add);
    errors("short requests beside the long streams", contended).ifPresent(failures::add);
    errors("long streams", longStreams).ifPresent(failures::add);
    double added = addedRise().p99Ms();
    if (failures.isEmpty() && !(added <= plan.bound().toMillis())) {
      failures.add(fmt("short requests' p99 rose %.1f ms with %d long streams running (%.1f -> %.1f ms), %.1f ms "
          + "more than Direct's, above the %d ms bound", rise().p99Ms(), plan.longStreams(), alone.p99Ms(),
          contended.p99Ms(), added, plan.bound().toMillis()));
    }
    return failures;
  }

  private static Optional<String> errors(String what, LatencyFigures figures) {
    if (!figures.anySucceeded()) return Optional.of(what + ": no request succeeded of " + figures.requests()
        + (figures.errors().isEmpty() ? "" : " " + figures.errors()));
    if (figures.errorRate() <= MAX_ERROR_RATE) return Optional.empty();
    return Optional.of(fmt("%s: %d of %d requests failed %s (allowed %.0f%%)", what, figures.failed(),
        figures.requests(), figures.errors(), MAX_ERROR_RATE * 100));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("plan", plan.toMap());
    map.put("alone", alone.toMap());
    map.put("contended", contended.toMap());
    map.put("longStreams", longStreams.toMap());
    reference.ifPresent(r -> map.put("directRise", riseMap(r)));
    map.put("rise", riseMap(rise()));
    map.put("addedRise", riseMap(addedRise()));
    map.put("failures", failures());
    return map;
  }

  private static Map<String, Object> riseMap(Rise rise) {
    Map<String, Object> map = new LinkedHashMap<>();
    Maps.putFinite(map, "p50Ms", rise.p50Ms());
    Maps.putFinite(map, "p95Ms", rise.p95Ms());
    Maps.putFinite(map, "p99Ms", rise.p99Ms());
    return map;
  }

  /**
   * What a result file holds, for the report: the figures and the failures as written.
   *
   * @param passed whether its failures were empty
   */
  public record Recorded(LatencyFigures alone, LatencyFigures contended, LatencyFigures longStreams, Rise addedRise,
      int longStreamCount, boolean passed) {}

  /** The recorded head-of-line figures of a run's environment, if it has them. */
  public static Optional<Recorded> recorded(Map<String, Object> environment) {
    return Maps.section(environment, ENVIRONMENT_KEY).map(m -> {
      Map<?, ?> added = Maps.section(m, "addedRise").orElse(Map.of());
      int streams = (int) Maps.number(Maps.section(m, "plan").orElse(Map.of()), "longStreams");
      return new Recorded(LatencyFigures.fromMap(Maps.section(m, "alone").orElse(Map.of())),
          LatencyFigures.fromMap(Maps.section(m, "contended").orElse(Map.of())),
          LatencyFigures.fromMap(Maps.section(m, "longStreams").orElse(Map.of())),
          new Rise(Maps.number(added, "p50Ms"), Maps.number(added, "p95Ms"), Maps.number(added, "p99Ms")), streams,
          m.get("failures") instanceof List<?> f && f.isEmpty());
    });
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
