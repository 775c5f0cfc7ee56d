package dev.gatebench.report;

import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A row as the tables show it: its figures ({@link ReportRow}) and what they rest on
 * ({@link RowEvidence}; {@link RowEvidence#NONE} for a row without a result).
 */
record TableRow(ReportRow row, RowEvidence evidence) {
  TableRow {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** Suite (sorted) → rows in {@link ReportRows#bySuite} order, each with its evidence. */
  static Map<String, List<TableRow>> bySuite(List<RunResult> results, List<SkippedRow> skipped) {
    Map<String, List<TableRow>> out = new LinkedHashMap<>();
    ReportRows.bySuite(results, skipped).forEach((suite, rows) -> {
      List<RunResult> runs = results.stream().filter(r -> r.suite().equals(suite))
          .sorted(ReportRows.targetOrder()).toList();
      Optional<RunResult> direct = runs.stream().filter(r -> r.target().equals(ReportRows.DIRECT)).findFirst();
      Iterator<RunResult> run = runs.iterator();
      List<TableRow> table = new ArrayList<>();
      for (ReportRow row : rows) {
        // Rows that ran come first, in the runs' order; rows without a result follow.
        table.add(new TableRow(row, row.ran() && run.hasNext() ? RowEvidence.of(run.next(), direct) : RowEvidence.NONE));
      }
      out.put(suite, table);
    });
    return out;
  }
}
