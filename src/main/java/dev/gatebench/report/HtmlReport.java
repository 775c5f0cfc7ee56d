package dev.gatebench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.report.gate.GateReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison as one self-contained HTML page: the gate's verdicts when it ran, per suite the
 * table ({@link HtmlTable}) and ECharts charts drawn as SVG.
 */
final class HtmlReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HtmlReport() {}

  static String render(Map<String, List<TableRow>> suites, Map<String, Object> charts, Optional<GateReport> gate,
      Instant generated) {
    StringBuilder body = new StringBuilder();
    gate.ifPresent(g -> body.append(GateSection.html(g)));
    suites.forEach((suite, rows) -> {
      String id = ChartData.id(suite);
      body.append("<h2>").append(Format.html(suite)).append("</h2>\n").append(HtmlTable.render(rows));
      for (String kind : new String[] {"pct", "time", "rps", "vus"}) {
        body.append("<div class=\"chart\" id=\"").append(kind).append('-').append(id).append("\"></div>\n");
      }
    });
    return template().replace("{{GENERATED}}", generated.toString())
        .replace("{{BODY}}", body)
        .replace("{{DATA}}", json(charts))
        .replace("{{REPORT_JS}}", resource("report.js"))
        .replace("{{ECHARTS}}", EchartsAsset.script());
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
