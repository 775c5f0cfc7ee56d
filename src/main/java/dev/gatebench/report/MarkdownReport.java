package dev.gatebench.report;

import java.util.List;
import java.util.Map;

/** The comparison as Markdown tables, for CI logs and pull requests. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(Map<String, List<ReportRow>> suites, List<String> gateNotes) {
    StringBuilder md = new StringBuilder("# gatebench comparison\n\n");
    md.append("Latency in ms (request start to last byte). Overhead = gateway minus Direct in the same run.\n");
    suites.forEach((suite, rows) -> {
      md.append("\n## ").append(suite).append("\n\n");
      md.append("| gateway | p50 | p90 | p95 | p99 | max | overhead p50 | overhead p95 | overhead p99 "
          + "| req/s | errors | error kinds | tokens/s | CPU cores | CPU-s/1k req | RSS peak MiB |\n");
      md.append("|---|").append("---:|".repeat(15)).append('\n');
      rows.forEach(row -> md.append(line(row)).append('\n'));
      rows.stream().flatMap(r -> r.notes().stream()).forEach(n -> md.append("\n").append(n).append('\n'));
    });
    if (!gateNotes.isEmpty()) {
      md.append("\n## regression gate\n\n");
      gateNotes.forEach(n -> md.append("- ").append(Format.cell(n)).append('\n'));
    }
    return md.toString();
  }

  private static String line(ReportRow row) {
    if (!row.ran()) {
      return "| " + Format.cell(row.gateway()) + " | " + Format.cell(row.skipReason().orElseThrow())
          + " |" + " |".repeat(14);
    }
    StringBuilder line = new StringBuilder("| ").append(Format.cell(row.gateway()));
    for (double ms : row.latencyMs()) line.append(" | ").append(Format.ms(ms));
    for (double ms : row.overheadMs()) line.append(" | ").append(Format.signedMs(ms));
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
