package dev.gatebench.report;

import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.streaming.StreamingAssessment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "Streaming" section: per row of the {@code streaming} suite its verdict, TTFB, TTFT, ITL p50
 * and p99, its overhead over Direct streamed (TTFT and whole answer) beside the overhead without
 * streaming ({@code streaming-off}, same run), and the content deltas it handed on against those the mock sent. Empty when no streaming result is present.
 */
final class StreamingSection {
  static final String STREAMED = "streaming";
  static final String PLAIN = "streaming-off";
  private static final String[] HEADERS = {"gateway", "verdict", "TTFB p50", "TTFT p50", "ITL p50", "ITL p99",
      "TTFT overhead p50", "overhead p50 streamed", "overhead p50 not streamed", "deltas received / sent", "checks"};

  private StreamingSection() {}

  static String markdown(List<RunResult> results) {
    List<String[]> rows = rows(results);
    if (rows.isEmpty()) return "";
    StringBuilder md = new StringBuilder("\n## Streaming\n\nTimes in ms, medians over the streamed run; overhead = "
        + "row minus Direct in the same run, with and without `stream: true`.\n\n| ")
        .append(String.join(" | ", HEADERS)).append(" |\n|---|---|").append("---:|".repeat(HEADERS.length - 3))
        .append("---|\n");
    rows.forEach(r -> md.append("| ").append(String.join(" | ", Arrays.stream(r).map(Format::cell).toList()))
        .append(" |\n"));
    return md.toString();
  }

  static String html(List<RunResult> results) {
    List<String[]> rows = rows(results);
    if (rows.isEmpty()) return "";
    StringBuilder t = new StringBuilder("<h2>Streaming</h2>\n<p class=\"note\">Times in ms, medians over the "
        + "streamed run; overhead = row minus Direct in the same run, with and without stream: true.</p>\n<table>\n<tr>");
    for (String h : HEADERS) t.append("<th>").append(Format.html(h)).append("</th>");
    t.append("</tr>\n");
    for (String[] r : rows) {
      t.append("<tr><td class=\"name\">").append(Format.html(r[0])).append("</td>");
      for (int i = 1; i < r.length; i++) t.append("<td>").append(Format.html(r[i])).append("</td>");
      t.append("</tr>\n");
    }
    return t.append("</table>\n").toString();
  }

  /** One row of cells per target of the streaming suite, Direct first. */
  static List<String[]> rows(List<RunResult> results) {
    Map<String, RunResult> streamed = latest(results, STREAMED);
    Map<String, RunResult> plain = latest(results, PLAIN);
    Optional<RunResult> directStreamed = Optional.ofNullable(streamed.get(ReportRows.DIRECT));
    Optional<RunResult> directPlain = Optional.ofNullable(plain.get(ReportRows.DIRECT));
    List<String[]> rows = new ArrayList<>();
    streamed.values().stream().sorted(ReportRows.targetOrder()).forEach(run -> {
      Optional<StreamingAssessment.Recorded> a = StreamingAssessment.recorded(run);
      rows.add(new String[] {run.target(), a.map(StreamingAssessment.Recorded::verdictText).orElse(Format.NA),
          Format.ms(a.map(StreamingAssessment.Recorded::ttfbP50Ms).orElse(Double.NaN)),
          Format.ms(a.map(StreamingAssessment.Recorded::ttftP50Ms).orElse(Double.NaN)),
          Format.ms(a.map(StreamingAssessment.Recorded::itlP50Ms).orElse(Double.NaN)),
          Format.ms(a.map(StreamingAssessment.Recorded::itlP99Ms).orElse(Double.NaN)),
          overhead(run, directStreamed, MetricNames.TIME_TO_FIRST_TOKEN),
          overhead(run, directStreamed, MetricNames.CHAT_COMPLETION_LATENCY),
          overhead(plain.get(run.target()), directPlain, MetricNames.CHAT_COMPLETION_LATENCY),
          a.map(r -> r.deltasReceived() + " / " + r.deltasSent()).orElse(Format.NA),
          a.map(r -> r.passed() ? "passed" : "failed").orElse(Format.NA)});
    });
    return rows;
  }

  private static String overhead(RunResult run, Optional<RunResult> direct, String metric) {
    if (run == null || direct.isEmpty() || run.target().equals(ReportRows.DIRECT)) return Format.NA;
    double mine = ReportRows.value(run, metric, "med").orElse(Double.NaN);
    double base = ReportRows.value(direct.get(), metric, "med").orElse(Double.NaN);
    return Format.signedMs(mine - base);
  }

  private static Map<String, RunResult> latest(List<RunResult> results, String suite) {
    Map<String, RunResult> byTarget = new LinkedHashMap<>();
    results.stream().filter(r -> r.suite().equals(suite)).forEach(r -> byTarget.merge(r.target(), r,
        (a, b) -> b.startedAt().isAfter(a.startedAt()) ? b : a));
    return byTarget;
  }
}
