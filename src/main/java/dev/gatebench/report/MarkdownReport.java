package dev.gatebench.report;

import dev.gatebench.report.gate.GateReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The comparison as Markdown tables, for CI logs and pull requests. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(Map<String, List<TableRow>> suites, Optional<GateReport> gate) {
    StringBuilder md = new StringBuilder("# gatebench comparison\n\n");
    md.append("Latency in ms (request start to last byte) of successful requests. Overhead = gateway minus Direct in "
        + "the same run, with its 95 % bootstrap interval in brackets. " + HtmlTable.LOW
        + " marks a percentile that the run's request count cannot support.\n");
    gate.ifPresent(g -> md.append(GateSection.markdown(g)));
    suites.forEach((suite, rows) -> {
      md.append("\n## ").append(suite).append("\n\n");
      md.append("| gateway | requests | p50 | p90 | p95 | p99 | max | overhead p50 | overhead p95 | overhead p99 "
          + "| req/s | errors | error kinds | tokens/s | CPU cores | CPU-s/1k req | RSS peak MiB |\n");
      md.append("|---|").append("---:|".repeat(16)).append('\n');
      rows.forEach(row -> md.append(line(row)).append('\n'));
      HtmlTable.footnotes(rows).forEach(n -> md.append('\n').append(HtmlTable.LOW).append(' ').append(n).append('\n'));
      for (TableRow r : rows) {
        r.row().notes().forEach(n -> md.append('\n').append(n).append('\n'));
        r.evidence().notes(r.row().gateway()).forEach(n -> md.append('\n').append(n).append('\n'));
      }
    });
    return md.toString();
  }

  private static String line(TableRow tableRow) {
    ReportRow row = tableRow.row();
    RowEvidence evidence = tableRow.evidence();
    String name = Format.cell(row.gateway()) + evidence.badges().stream().map(b -> " (" + b + ")")
        .reduce("", String::concat);
    if (!row.ran()) {
      return "| " + name + " | " + Format.cell(row.skipReason().orElseThrow()) + " |" + " |".repeat(15);
    }
    StringBuilder line = new StringBuilder("| ").append(name).append(" | ").append(HtmlTable.requests(evidence));
    for (int i = 0; i < row.latencyMs().length; i++) {
      line.append(" | ").append(Format.ms(row.latencyMs()[i])).append(evidence.latencySupported(i) ? "" : HtmlTable.LOW);
    }
    for (int i = 0; i < row.overheadMs().length; i++) {
      line.append(" | ").append(Format.withInterval(row.overheadMs()[i], evidence.overheadIntervals().get(i)));
      if (Double.isFinite(row.overheadMs()[i]) && !evidence.overheadSupported(i)) line.append(HtmlTable.LOW);
    }
    line.append(" | ").append(Format.number(row.requestsPerSecond(), 1))
        .append(" | ").append(Format.percent(row.errorRate()))
        .append(" | ").append(row.errorKinds().isEmpty() ? "-" : Format.cell(row.errorKinds()))
        .append(" | ").append(Format.number(row.tokensPerSecond(), 1))
        .append(" | ").append(Format.number(row.coresMean(), 2))
        .append(" | ").append(Format.number(row.cpuSecondsPer1000Requests(), 2))
        .append(" | ").append(Format.number(row.rssPeakMib(), 0)).append(" |");
    return line.toString();
  }
}
