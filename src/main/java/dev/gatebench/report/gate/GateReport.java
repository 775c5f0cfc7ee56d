package dev.gatebench.report.gate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * All verdicts of one gate run, plus notes on what could not be compared (a gateway absent from
 * the baseline or from this run). Immutable.
 */
public record GateReport(List<GateVerdict> verdicts, List<String> notes) {
  public GateReport {
    verdicts = List.copyOf(verdicts);
    notes = List.copyOf(notes);
  }

  public List<GateVerdict> failures() {
    return verdicts.stream().filter(GateVerdict::failed).toList();
  }

  public boolean passed() {
    return failures().isEmpty();
  }

  /**
   * Throws when any verdict failed; the message lists every regression on one line, so that it is
   * the first line of the failure on the console and whole in Maven's summary.
   *
   * @throws RegressionDetected (an {@link AssertionError}, so test runners show a failure, not an error)
   */
  public void assertPassed() {
    if (passed()) return;
    throw new RegressionDetected("latency regression against the baseline: "
        + failures().stream().map(GateVerdict::message).collect(Collectors.joining("; ")));
  }

  /** This report's verdicts and notes followed by {@code other}'s. */
  public GateReport and(GateReport other) {
    return new GateReport(java.util.stream.Stream.concat(verdicts.stream(), other.verdicts.stream()).toList(),
        java.util.stream.Stream.concat(notes.stream(), other.notes.stream()).toList());
  }

  /** Every verdict and note, one a line, for logs and the report. */
  public String summary() {
    return java.util.stream.Stream.concat(verdicts.stream().map(GateVerdict::message), notes.stream())
        .collect(Collectors.joining("\n"));
  }

  /** The gate found a significant, large enough slow-down. */
  public static final class RegressionDetected extends AssertionError {
    RegressionDetected(String message) {
      super(message);
    }
  }
}
