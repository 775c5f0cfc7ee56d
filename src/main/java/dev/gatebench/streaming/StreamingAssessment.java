package dev.gatebench.streaming;

import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The judgement of one row's streamed run: a {@link StreamVerdict}, the figures behind it, and the
 * checks a good gateway passes: it streams faithfully, its ITL p50 lies within
 * {@link StreamingRules#itlRatio()} of the mock's, and it hands on the deltas and usage the mock sent.
 * Recorded in the result as {@code environment.streaming} ({@link #toMap()}).
 *
 * @param verdict how the row streamed
 * @param figures what the client measured
 * @param mock what the mock promised and sent
 * @param rules the ratios used
 * @param reasons one line per observation behind the verdict, with the numbers
 * @param failures one line per check a good gateway passes that this row failed; empty when it passed
 */
public record StreamingAssessment(StreamVerdict verdict, StreamFigures figures, MockStreams mock,
    StreamingRules rules, List<String> reasons, List<String> failures) {
  /** The key of the block in a result's {@code environment}. */
  public static final String ENVIRONMENT_KEY = "streaming";

  public StreamingAssessment {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(figures, "figures");
    Objects.requireNonNull(mock, "mock");
    Objects.requireNonNull(rules, "rules");
    reasons = List.copyOf(reasons);
    failures = List.copyOf(failures);
  }

  /** Judges a streamed run by {@code rules}. Pure: the same numbers give the same verdict. */
  public static StreamingAssessment judge(StreamFigures figures, MockStreams mock, StreamingRules rules) {
    List<String> reasons = new ArrayList<>();
    StreamVerdict verdict = verdict(figures, mock, rules, reasons);
    List<String> failures = new ArrayList<>();
    if (verdict != StreamVerdict.FAITHFUL) {
      failures.add("verdict '" + verdict.text() + "', a good gateway streams faithfully: " + String.join("; ", reasons));
    }
    checkItl(figures, mock, rules, failures);
    checkCount("content deltas", figures.deltasReceived(), mock.contentDeltas(), rules, failures);
    checkCount("usage completion tokens", figures.usageTokensReceived(), mock.usageTokens(), rules, failures);
    return new StreamingAssessment(verdict, figures, mock, rules, reasons, failures);
  }

  /** {@link #judge(StreamFigures, MockStreams, StreamingRules)} with {@link StreamingRules#DEFAULT}. */
  public static StreamingAssessment judge(RunResult streamedRun, MockStreams mock) {
    return judge(StreamFigures.of(streamedRun), mock, StreamingRules.DEFAULT);
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  private static StreamVerdict verdict(StreamFigures f, MockStreams mock, StreamingRules rules, List<String> reasons) {
    if (f.streams() == 0) {
      reasons.add("no streamed answer succeeded");
      return StreamVerdict.NOT_MEASURED;
    }
    boolean collapsed = f.itlP50Ms() < rules.collapsedItl() * mock.itlMs();
    reasons.add(fmt("ITL p50 %.3f ms against the mock's %.3f ms: gaps %s", f.itlP50Ms(), mock.itlMs(),
        collapsed ? "collapsed" : "kept"));
    double bodyMs = mock.answerMs() - mock.ttftMs();
    boolean late = f.ttftP50Ms() - mock.ttftMs() >= rules.lateFirstToken() * bodyMs;
    reasons.add(fmt("TTFT p50 %.1f ms against the mock's TTFT %.1f ms and last delta at %.1f ms: first token %s",
        f.ttftP50Ms(), mock.ttftMs(), mock.answerMs(), late ? "late" : "on time"));
    if (collapsed) return late ? StreamVerdict.BUFFERS : StreamVerdict.BUNCHES;
    boolean held = f.ttftP50Ms() - f.ttfbP50Ms() < rules.heldHeaders() * mock.ttftMs();
    reasons.add(fmt("TTFB p50 %.1f ms, %.1f ms before the first token (the mock sends headers %.1f ms before it): "
        + "headers %s", f.ttfbP50Ms(), f.ttftP50Ms() - f.ttfbP50Ms(), mock.ttftMs(), held ? "held" : "at once"));
    return held ? StreamVerdict.HOLDS_HEADERS : StreamVerdict.FAITHFUL;
  }

  private static void checkItl(StreamFigures f, MockStreams mock, StreamingRules rules, List<String> failures) {
    double low = mock.itlMs() / rules.itlRatio();
    double high = mock.itlMs() * rules.itlRatio();
    if (!(f.itlP50Ms() >= low && f.itlP50Ms() <= high)) {
      failures.add(fmt("ITL p50 %.3f ms is outside [%.3f, %.3f] ms, the mock's ITL %.3f ms within x%.1f",
          f.itlP50Ms(), low, high, mock.itlMs(), rules.itlRatio()));
    }
  }

  private static void checkCount(String what, long received, long sent, StreamingRules rules, List<String> failures) {
    if (Math.abs(received - sent) > rules.countTolerance() * sent || (sent == 0 && received == 0)) {
      failures.add(fmt("%s received %d against %d the mock sent (tolerance %.1f%%)", what, received, sent,
          rules.countTolerance() * 100));
    }
  }

  /** The {@code environment.streaming} block: verdict, reasons, failures, measured, mock, rules. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("verdict", verdict.name());
    map.put("verdictText", verdict.text());
    map.put("passed", passed());
    map.put("reasons", reasons);
    map.put("failures", failures);
    map.put("measured", figures.toMap());
    map.put("mock", mock.toMap());
    map.put("rules", rules.toMap());
    return map;
  }

  /** The verdict and figures recorded in a result's {@code environment.streaming}; empty when it has none. */
  public static Optional<Recorded> recorded(RunResult run) {
    if (!(run.environment().get(ENVIRONMENT_KEY) instanceof Map<?, ?> block)) return Optional.empty();
    Map<?, ?> measured = block.get("measured") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> sent = block.get("mock") instanceof Map<?, ?> m ? m : Map.of();
    return Optional.of(new Recorded(String.valueOf(block.get("verdictText")), Boolean.TRUE.equals(block.get("passed")),
        number(measured, "ttfbP50Ms"), number(measured, "ttftP50Ms"), number(measured, "itlP50Ms"),
        number(measured, "itlP99Ms"), (long) number(measured, "deltasReceived"), (long) number(sent, "contentDeltas")));
  }

  /** What a report shows of a recorded assessment; times in ms, NaN when not measured. */
  public record Recorded(String verdictText, boolean passed, double ttfbP50Ms, double ttftP50Ms, double itlP50Ms,
      double itlP99Ms, long deltasReceived, long deltasSent) {}

  static void putFinite(Map<String, Object> map, String key, double value) {
    if (Double.isFinite(value)) map.put(key, value);
  }

  private static double number(Map<?, ?> map, String key) {
    return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
