package dev.gatebench.contention;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One prompt size of a row: what came back, and its p50 and p99 over Direct's at the same size.
 * A size the row refused (its body limit: every request answered 413, say) is a step whose figures
 * show the failures, not an exception.
 *
 * @param promptTokens the prompt size, tokens
 * @param figures the row's requests at this size
 * @param directP50Ms Direct's p50 at this size; the row's own for Direct; NaN when Direct has none
 * @param directP99Ms Direct's p99 at this size, likewise
 * @param boundMs how far the row's p99 may be over Direct's, ms
 * @param note why the step failed, with the numbers; empty when it passed
 */
public record PayloadStep(int promptTokens, LatencyFigures figures, double directP50Ms, double directP99Ms,
    double boundMs, String note) {
  /** More failed requests than this at a size fails the row: a good gateway takes every size. */
  public static final double MAX_ERROR_RATE = 0.01;

  public PayloadStep {
    Objects.requireNonNull(figures, "figures");
    note = note == null ? "" : note;
  }

  /** Judges a size's figures against Direct's at the same size; Direct passes {@code null}. */
  public static PayloadStep judge(PayloadPlan.Size size, LatencyFigures figures, LatencyFigures direct) {
    LatencyFigures reference = direct == null ? figures : direct;
    double bound = size.bound().toMillis();
    String note = note(figures, reference, bound);
    return new PayloadStep(size.promptTokens(), figures, reference.p50Ms(), reference.p99Ms(), bound, note);
  }

  private static String note(LatencyFigures figures, LatencyFigures direct, double boundMs) {
    if (!figures.anySucceeded()) {
      return "refused: " + figures.failed() + " of " + figures.requests() + " requests failed " + figures.errors();
    }
    if (figures.errorRate() > MAX_ERROR_RATE) {
      return fmt("%d of %d requests failed %s (allowed %.0f%%)", figures.failed(), figures.requests(), figures.errors(),
          MAX_ERROR_RATE * 100);
    }
    double over = figures.p99Ms() - direct.p99Ms();
    if (!(over <= boundMs)) {
      return fmt("p99 %.1f ms is %.1f ms over Direct's %.1f ms, above the %.0f ms bound", figures.p99Ms(), over,
          direct.p99Ms(), boundMs);
    }
    return "";
  }

  public boolean passed() {
    return note.isEmpty();
  }

  public double overheadP50Ms() {
    return figures.p50Ms() - directP50Ms;
  }

  public double overheadP99Ms() {
    return figures.p99Ms() - directP99Ms;
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("promptTokens", promptTokens);
    map.putAll(figures.toMap());
    Maps.putFinite(map, "directP50Ms", directP50Ms);
    Maps.putFinite(map, "directP99Ms", directP99Ms);
    Maps.putFinite(map, "overheadP50Ms", overheadP50Ms());
    Maps.putFinite(map, "overheadP99Ms", overheadP99Ms());
    map.put("boundMs", boundMs);
    map.put("note", note);
    return map;
  }

  static PayloadStep fromMap(Map<?, ?> map) {
    return new PayloadStep((int) Maps.number(map, "promptTokens"), LatencyFigures.fromMap(map),
        Maps.number(map, "directP50Ms"), Maps.number(map, "directP99Ms"), Maps.number(map, "boundMs"),
        String.valueOf(map.get("note")));
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
