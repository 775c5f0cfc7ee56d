package dev.gatebench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The comparison as one self-contained HTML page: tables, and ECharts charts drawn as SVG. */
final class HtmlReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HtmlReport() {}

  static String render(Map<String, List<ReportRow>> suites, Map<String, Object> charts, List<String> gateNotes,
      Instant generated) {
    StringBuilder body = new StringBuilder();
    suites.forEach((suite, rows) -> {
      String id = ChartData.id(suite);
      body.append("<h2>").append(Format.html(suite)).append("</h2>\n").append(table(rows));
      for (String kind : new String[] {"pct", "time", "rps", "vus"}) {
        body.append("<div class=\"chart\" id=\"").append(kind).append('-').append(id).append("\"></div>\n");
      }
    });
    if (!gateNotes.isEmpty()) {
      body.append("<h2>regression gate</h2>\n<pre class=\"gate\">")
          .append(Format.html(String.join("\n", gateNotes))).append("</pre>\n");
    }
    return template().replace("{{GENERATED}}", generated.toString())
        .replace("{{BODY}}", body)
        .replace("{{DATA}}", json(charts))
        .replace("{{REPORT_JS}}", resource("report.js"))
        .replace("{{ECHARTS}}", EchartsAsset.script());
  }

  private static String table(List<ReportRow> rows) {
    StringBuilder t = new StringBuilder("<table>\n<tr><th rowspan=\"2\">gateway</th><th colspan=\"5\">latency ms</th>"
        + "<th colspan=\"3\">overhead over Direct ms</th><th rowspan=\"2\">req/s</th><th rowspan=\"2\">errors</th>"
        + "<th rowspan=\"2\">error kinds</th><th rowspan=\"2\">tokens/s</th><th rowspan=\"2\">CPU cores</th>"
        + "<th rowspan=\"2\">CPU-s / 1k req</th><th rowspan=\"2\">RSS peak MiB</th></tr>\n<tr>");
    for (String c : ReportRow.LATENCY_COLUMNS) t.append("<th>").append(c).append("</th>");
    for (String c : ReportRow.OVERHEAD_COLUMNS) t.append("<th>").append(c).append("</th>");
    t.append("</tr>\n");
    rows.forEach(row -> t.append(tableRow(row)));
    t.append("</table>\n");
    rows.stream().flatMap(r -> r.notes().stream()).forEach(n -> t.append("<p class=\"note\">")
        .append(Format.html(n)).append("</p>\n"));
    return t.toString();
  }

  private static String tableRow(ReportRow row) {
    StringBuilder tr = new StringBuilder("<tr><td class=\"name\">").append(Format.html(row.gateway())).append("</td>");
    if (!row.ran()) {
      return tr.append("<td class=\"reason\" colspan=\"15\">").append(Format.html(row.skipReason().orElseThrow()))
          .append("</td></tr>\n").toString();
    }
    for (double ms : row.latencyMs()) cell(tr, Format.ms(ms));
    for (double ms : row.overheadMs()) cell(tr, Format.signedMs(ms));
    cell(tr, Format.number(row.requestsPerSecond(), 1));
    cell(tr, Format.percent(row.errorRate()));
    cell(tr, row.errorKinds().isEmpty() ? "-" : row.errorKinds());
    cell(tr, Format.number(row.tokensPerSecond(), 1));
    cell(tr, Format.number(row.coresMean(), 2));
    cell(tr, Format.number(row.cpuSecondsPer1000Requests(), 2));
    cell(tr, Format.number(row.rssPeakMib(), 0));
    return tr.append("</tr>\n").toString();
  }

  private static void cell(StringBuilder tr, String text) {
    tr.append("<td>").append(Format.html(text)).append("</td>");
  }

  /** JSON inside a script element: "</" would close it, so it is escaped. */
  private static String json(Map<String, Object> charts) {
    try {
      return JSON.writeValueAsString(charts).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart data cannot be written as JSON", e);
    }
  }

  private static String template() {
    return resource("report.html");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("resource dev/gatebench/report/" + name + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
