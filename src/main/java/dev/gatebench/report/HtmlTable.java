package dev.gatebench.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A suite's comparison table in HTML, with what it rests on: percentiles that few requests cannot
 * support greyed and marked †, overheads with their 95 % intervals, and notes on failed requests,
 * early ends and resource figures under it.
 */
final class HtmlTable {
  static final String LOW = "†";
  private static final int COLUMNS = 17;

  private HtmlTable() {}

  static String render(List<TableRow> rows) {
    StringBuilder t = new StringBuilder("<table>\n<tr><th rowspan=\"2\">gateway</th><th rowspan=\"2\">requests</th>"
        + "<th colspan=\"5\">latency ms</th><th colspan=\"3\">overhead over Direct [95 % CI]</th>"
        + "<th rowspan=\"2\">req/s</th><th rowspan=\"2\">errors</th><th rowspan=\"2\">error kinds</th>"
        + "<th rowspan=\"2\">tokens/s</th><th rowspan=\"2\">CPU cores</th><th rowspan=\"2\">CPU-s / 1k req</th>"
        + "<th rowspan=\"2\">RSS peak MiB</th></tr>\n<tr>");
    for (String c : ReportRow.LATENCY_COLUMNS) t.append("<th>").append(c).append("</th>");
    for (String c : ReportRow.OVERHEAD_COLUMNS) t.append("<th>").append(c).append("</th>");
    t.append("</tr>\n");
    rows.forEach(row -> t.append(tableRow(row)));
    t.append("</table>\n");
    footnotes(rows).forEach(n -> t.append("<p class=\"note low-note\">").append(LOW).append(' ')
        .append(Format.html(n)).append("</p>\n"));
    for (TableRow r : rows) {
      r.row().notes().forEach(n -> note(t, n, "note"));
      r.evidence().notes(r.row().gateway()).forEach(n -> note(t, n, "note warn"));
    }
    return t.toString();
  }

  /** The distinct footnotes of the marked cells, e.g. "p99 of 30 requests is the maximum (...)". */
  static Set<String> footnotes(List<TableRow> rows) {
    Set<String> notes = new LinkedHashSet<>();
    rows.forEach(r -> notes.addAll(r.evidence().footnotes()));
    boolean lowOverhead = rows.stream().anyMatch(r -> r.row().ran() && !r.row().gateway().equals(ReportRows.DIRECT)
        && java.util.stream.IntStream.range(0, ReportRow.OVERHEAD_COLUMNS.length)
            .anyMatch(i -> Double.isFinite(r.row().overheadMs()[i]) && !r.evidence().overheadSupported(i)));
    if (lowOverhead) notes.add("an overhead is marked when either row has too few requests for its percentile");
    return notes;
  }

  private static String tableRow(TableRow tableRow) {
    ReportRow row = tableRow.row();
    RowEvidence evidence = tableRow.evidence();
    StringBuilder tr = new StringBuilder("<tr><td class=\"name\">").append(Format.html(row.gateway()));
    evidence.badges().forEach(b -> tr.append(" <span class=\"badge\">").append(Format.html(b)).append("</span>"));
    tr.append("</td>");
    if (!row.ran()) {
      return tr.append("<td class=\"reason\" colspan=\"").append(COLUMNS - 1).append("\">")
          .append(Format.html(row.skipReason().orElseThrow())).append("</td></tr>\n").toString();
    }
    cell(tr, requests(evidence), "");
    for (int i = 0; i < row.latencyMs().length; i++) {
      boolean low = !evidence.latencySupported(i);
      cell(tr, Format.ms(row.latencyMs()[i]) + (low ? LOW : ""), low ? "low" : "");
    }
    for (int i = 0; i < row.overheadMs().length; i++) tr.append(overhead(row, evidence, i));
    cell(tr, Format.number(row.requestsPerSecond(), 1), "");
    cell(tr, Format.percent(row.errorRate()), evidence.failed() > 0 ? "bad" : "");
    cell(tr, row.errorKinds().isEmpty() ? "-" : row.errorKinds(), "");
    cell(tr, Format.number(row.tokensPerSecond(), 1), "");
    cell(tr, Format.number(row.coresMean(), 2), "");
    cell(tr, Format.number(row.cpuSecondsPer1000Requests(), 2), "");
    cell(tr, Format.number(row.rssPeakMib(), 0), "");
    return tr.append("</tr>\n").toString();
  }

  private static String overhead(ReportRow row, RowEvidence evidence, int i) {
    double ms = row.overheadMs()[i];
    if (!Double.isFinite(ms)) return "<td>" + Format.NA + "</td>";
    boolean low = !evidence.overheadSupported(i);
    StringBuilder td = new StringBuilder("<td class=\"ci").append(low ? " low" : "").append("\">")
        .append(Format.html(Format.signedMs(ms))).append(" ms").append(low ? LOW : "");
    evidence.overheadIntervals().get(i).ifPresent(ci -> td.append("<br><span class=\"range\">")
        .append(Format.html(Format.range(ci))).append("</span>"));
    return td.append("</td>").toString();
  }

  static String requests(RowEvidence evidence) {
    String ok = String.format(java.util.Locale.ROOT, "%,d", evidence.latencyCount());
    return evidence.failed() == 0 ? ok : ok + " + " + String.format(java.util.Locale.ROOT, "%,d", evidence.failed())
        + " failed";
  }

  private static void cell(StringBuilder tr, String text, String cssClass) {
    tr.append(cssClass.isEmpty() ? "<td>" : "<td class=\"" + cssClass + "\">").append(Format.html(text))
        .append("</td>");
  }

  private static void note(StringBuilder t, String text, String cssClass) {
    t.append("<p class=\"").append(cssClass).append("\">").append(Format.html(text)).append("</p>\n");
  }
}
