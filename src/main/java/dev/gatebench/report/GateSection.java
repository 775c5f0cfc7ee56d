package dev.gatebench.report;

import dev.gatebench.report.gate.GateReport;
import dev.gatebench.report.gate.GateVerdict;
import java.util.List;
import java.util.Locale;

/**
 * The regression gate's verdicts as a table (one line per suite, gateway and metric, with the
 * baseline's and this run's median overhead, the shift and its interval, the p-value and the
 * minimum effect), and its notes on what it could not compare.
 */
final class GateSection {
  static final String[] HEADERS = {"suite", "gateway", "metric", "baseline ms", "this run ms", "shift [CI]",
      "p", "minimum effect ms", "verdict"};

  private GateSection() {}

  static List<String> cells(GateVerdict v) {
    return List.of(v.suite(), v.gateway(), v.metric().label(), Format.ms(v.baselineMs()), Format.ms(v.currentMs()),
        Format.signedMs(v.shift().shift()) + " ms " + Format.range(v.shift()),
        String.format(Locale.ROOT, "%.2g", v.pValue()) + " (alpha " + String.format(Locale.ROOT, "%.2g", v.alpha())
            + ")", Format.ms(v.minEffectMs()), v.failed() ? "FAIL" : "pass");
  }

  static String html(GateReport gate) {
    StringBuilder h = new StringBuilder("<h2>regression gate: ").append(gate.passed() ? "pass" : "FAIL")
        .append("</h2>\n<p class=\"note\">Median per-second overhead over Direct against the stored baseline; a "
            + "row fails when the Mann-Whitney p is below alpha, the shift reaches the minimum effect and its "
            + "interval lies above zero.</p>\n");
    if (!gate.verdicts().isEmpty()) {
      h.append("<table class=\"gate\">\n<tr>");
      for (String c : HEADERS) h.append("<th>").append(Format.html(c)).append("</th>");
      h.append("</tr>\n");
      for (GateVerdict v : gate.verdicts()) {
        h.append("<tr class=\"").append(v.failed() ? "fail" : "pass").append("\">");
        cells(v).forEach(c -> h.append("<td>").append(Format.html(c)).append("</td>"));
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }
    gate.notes().forEach(n -> h.append("<p class=\"note\">").append(Format.html(n)).append("</p>\n"));
    return h.toString();
  }

  static String markdown(GateReport gate) {
    StringBuilder md = new StringBuilder("\n## regression gate: ").append(gate.passed() ? "pass" : "FAIL")
        .append("\n\n");
    if (!gate.verdicts().isEmpty()) {
      md.append("| ").append(String.join(" | ", HEADERS)).append(" |\n|").append("---|".repeat(HEADERS.length))
          .append('\n');
      gate.verdicts().forEach(v -> md.append("| ").append(String.join(" | ", cells(v).stream().map(Format::cell)
          .toList())).append(" |\n"));
      md.append('\n');
    }
    gate.notes().forEach(n -> md.append("- ").append(Format.cell(n)).append('\n'));
    return md.toString();
  }
}
