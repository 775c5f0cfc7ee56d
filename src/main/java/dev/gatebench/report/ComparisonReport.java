package dev.gatebench.report;

import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import dev.gatebench.report.gate.GateReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The comparison of gateways after the suites ran: per suite, one row per gateway (Direct first)
 * with latency percentiles (marked where the request count cannot support them), overhead over
 * Direct with its 95 % bootstrap interval, throughput, failed requests, tokens/s, CPU and memory,
 * and the regression gate's verdicts when it ran;
 * written as {@code report.html} (self-contained, charts drawn offline) and {@code report.md}.
 * Gateways without a result appear as rows with the reason. Immutable; {@code withX} returns a copy.
 *
 * <p>From the JUnit layer, after all suites:
 * <pre>{@code
 * ComparisonReport.of(results).withSkipped(skipped).withGate(gate).write(Path.of("target/gatebench-report"));
 * }</pre>
 */
public final class ComparisonReport {
  /** File names inside the output folder. */
  public static final String HTML = "report.html";
  public static final String MARKDOWN = "report.md";
  /**
   * Key in a run's {@link RunResult#environment()} saying its result file could not be written, with
   * why: the report still shows the run, and says that its file is missing.
   */
  public static final String UNWRITTEN = "result_file_not_written";

  private final List<RunResult> results;
  private final List<SkippedRow> skipped;
  private final Optional<GateReport> gate;

  private ComparisonReport(List<RunResult> results, List<SkippedRow> skipped, Optional<GateReport> gate) {
    this.results = List.copyOf(results);
    this.skipped = List.copyOf(skipped);
    this.gate = gate;
  }

  /** A report of these runs, any suites and gateways, in any order. */
  public static ComparisonReport of(List<RunResult> results) {
    return new ComparisonReport(results, List.of(), Optional.empty());
  }

  /** Writes the report of {@code results} into {@code outDir}; see {@link #write(Path)}. */
  public static Written write(List<RunResult> results, Path outDir) {
    return of(results).write(outDir);
  }

  /** With rows for gateways that were skipped or failed before producing a result. */
  public ComparisonReport withSkipped(List<SkippedRow> rows) {
    return new ComparisonReport(results, rows, gate);
  }

  /** With the regression gate's verdicts (a table, pass or fail per gateway and metric) and notes. */
  public ComparisonReport withGate(GateReport gate) {
    return new ComparisonReport(results, skipped, Optional.of(gate));
  }

  /**
   * Writes {@code report.html} and {@code report.md}, creating the folder and replacing old files.
   *
   * @throws UncheckedIOException if the folder cannot be written
   */
  public Written write(Path outDir) {
    Map<String, List<TableRow>> rows = TableRow.bySuite(results, skipped);
    try {
      Files.createDirectories(outDir);
      Path html = Files.writeString(outDir.resolve(HTML), ReportSections.addTo(
          HtmlReport.render(rows, ChartData.of(results), gate, Instant.now()), results));
      Path md = Files.writeString(outDir.resolve(MARKDOWN), MarkdownReport.render(rows, gate)
          + ReportSections.markdown(results));
      return new Written(html, md);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the comparison report to " + outDir, e);
    }
  }

  /**
   * Reads every {@code *.json} result file of a folder (baselines excluded) with
   * {@link RunResultJson#read}.
   *
   * @throws IllegalArgumentException (from the reader) for a JSON file that is not a gatebench result
   */
  public static List<RunResult> readResults(Path dir) {
    return readResults(dir, RunResultJson::read);
  }

  /**
   * Reads every {@code *.json} result file of a folder (baselines excluded) with any reader.
   *
   * @param reader turns one file into a result; its exceptions propagate
   */
  public static List<RunResult> readResults(Path dir, Function<Path, RunResult> reader) {
    Objects.requireNonNull(reader, "reader");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(f -> !f.getFileName().toString().startsWith("gatebench-baseline-"))
          .sorted().map(reader).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list result files in " + dir, e);
    }
  }

  /** Where the report went. */
  public record Written(Path html, Path markdown) {}
}
