package dev.gatebench.report;

import dev.gatebench.faults.ErrorCases;
import dev.gatebench.faults.ErrorsTable;
import dev.gatebench.faults.KeyFloodResult;
import dev.gatebench.metrics.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The "Errors and retries" section, one table per row of what the client got for each injected fault, and
 * the "Key floods" section, one line per row with keys. Each is empty without its results.
 */
final class FaultsSection {
  private static final String[] ERROR_HEADERS = {"fault", "client status", "error type", "error message",
      "upstream attempts (budget)", "time to end p50", "client saw", "told", "serves again after"};
  private static final String[] FLOOD_HEADERS = {"gateway", "valid p50 / p99 alone", "valid p50 / p99 in flood",
      "valid errors in flood", "invalid keys sent", "answered 2xx", "reached the mock", "valid marks seen"};
  private static final String ERRORS_NOTE = "Every upstream attempt fails as the fault says; attempts are what the "
      + "mock counted for each client request (by a mark in its prompt), the budget 1, or 1 + the row's configured "
      + "retries where a retry could help. Times in ms: from the request to the moment the client knew, and from the case's "
      + "end until the row served a plain request again (a gateway may cool down after failures).";
  private static final String FLOOD_NOTE = "Valid requests alone, then at the same rate beside invalid keys; times in "
      + "ms. The mock counts flood requests by a mark in their prompt: a gateway that checks keys lets none through.";

  private FaultsSection() {}

  static String markdown(List<RunResult> results) {
    StringBuilder md = new StringBuilder();
    Map<String, List<ErrorsTable.Row>> errors = latest(results, ErrorsTable::recorded);
    if (!errors.isEmpty()) md.append("\n## Errors and retries\n\n").append(ERRORS_NOTE).append('\n');
    errors.forEach((target, rows) -> md.append("\n### ").append(Format.cell(target)).append("\n\n")
        .append(SectionTable.markdownTable(ERROR_HEADERS, rows.stream().map(FaultsSection::errorCells).toList())));
    Map<String, KeyFloodResult> floods = latest(results, KeyFloodResult::recorded);
    if (!floods.isEmpty()) {
      md.append("\n## Key floods\n\n").append(FLOOD_NOTE).append("\n\n").append(SectionTable.markdownTable(FLOOD_HEADERS,
          floods.entrySet().stream().map(e -> floodCells(e.getKey(), e.getValue())).toList()));
    }
    return md.toString();
  }

  static String html(List<RunResult> results) {
    StringBuilder h = new StringBuilder();
    Map<String, List<ErrorsTable.Row>> errors = latest(results, ErrorsTable::recorded);
    if (!errors.isEmpty()) h.append("<h2>Errors and retries</h2>\n<p class=\"note\">").append(Format.html(ERRORS_NOTE)).append("</p>\n");
    errors.forEach((target, rows) -> h.append("<h3>").append(Format.html(target)).append("</h3>\n")
        .append(SectionTable.htmlTable(ERROR_HEADERS, rows.stream().map(FaultsSection::errorCells).toList())));
    Map<String, KeyFloodResult> floods = latest(results, KeyFloodResult::recorded);
    if (!floods.isEmpty()) {
      h.append("<h2>Key floods</h2>\n<p class=\"note\">").append(Format.html(FLOOD_NOTE)).append("</p>\n").append(SectionTable.htmlTable(
          FLOOD_HEADERS, floods.entrySet().stream().map(e -> floodCells(e.getKey(), e.getValue())).toList()));
    }
    return h.toString();
  }

  static String[] errorCells(ErrorsTable.Row r) {
    return new String[] {r.caseName(), r.status(), r.errorType().isEmpty() ? "-" : r.errorType(),
        r.errorMessage().isEmpty() ? "-" : r.errorMessage(), r.attempts() + " (" + r.attemptBudget() + ")",
        Format.ms(r.timeToEndMs()), r.outcome(), r.told() == r.requests() ? "yes" : r.told() == 0 ? "NO"
            : r.told() + " of " + r.requests(), Double.isFinite(r.recoveryMs()) ? Format.ms(r.recoveryMs())
            : "not within " + ErrorCases.RECOVERY_LIMIT.toSeconds() + " s"};
  }

  static String[] floodCells(String target, KeyFloodResult f) {
    return new String[] {target, Format.ms(f.quietP50Ms()) + " / " + Format.ms(f.quietP99Ms()),
        Format.ms(f.floodedP50Ms()) + " / " + Format.ms(f.floodedP99Ms()),
        Format.percent(Double.isFinite(f.floodedErrorRate()) ? OptionalDouble.of(f.floodedErrorRate()) : OptionalDouble.empty()),
        Long.toString(f.floodSent()), Long.toString(f.floodAccepted()), Long.toString(f.invalidUpstream()),
        Long.toString(f.validUpstream())};
  }

  /** Target → its latest run's recorded block, Direct first. */
  private static <T> Map<String, T> latest(List<RunResult> results, Function<RunResult, Optional<T>> read) {
    Map<String, RunResult> byTarget = new LinkedHashMap<>();
    results.stream().filter(r -> read.apply(r).isPresent()).sorted(ReportRows.targetOrder())
        .forEach(r -> byTarget.merge(r.target(), r, (a, b) -> b.startedAt().isAfter(a.startedAt()) ? b : a));
    Map<String, T> out = new LinkedHashMap<>();
    byTarget.forEach((target, run) -> out.put(target, read.apply(run).orElseThrow()));
    return out;
  }
}
