package dev.gatebench.run;

import dev.gatebench.metrics.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One suite × gateway row, measured and on disk: its runs in the order written (one for most suites;
 * whole answers then streamed for streaming fidelity) and the check its plan made, if any. Whether the
 * row passed is decided here, once, for JUnit and the command line alike.
 *
 * @param runs each run written, at least one; the last is the row's result
 * @param check the plan's check beyond the thresholds, e.g. streaming fidelity's; empty when it has none
 * @param thresholdsInCheck whether the runs' crossed thresholds are among the check's failures (so that
 *     {@code gatebench.checks=report} records them too); then a run fails the row only by ending early
 */
public record RowResult(List<Measurement> runs, Optional<RowCheck> check, boolean thresholdsInCheck) {
  public RowResult {
    runs = List.copyOf(runs);
    if (runs.isEmpty()) throw new IllegalArgumentException("a row result needs at least one run written");
    Objects.requireNonNull(check, "check");
  }

  public RowResult(List<Measurement> runs, Optional<RowCheck> check) {
    this(runs, check, false);
  }

  /** A row judged by its check alone, the runs' crossed thresholds included in it; see {@link #crossed(List)}. */
  static RowResult judged(List<Measurement> runs, RowCheck check) {
    return new RowResult(runs, Optional.of(check), true);
  }

  /** The crossed thresholds of {@code runs}, one line each, to be judged with a check. */
  static List<String> crossed(List<Measurement> runs) {
    return runs.stream().filter(m -> m.result().abortedBy().isEmpty())
        .flatMap(m -> m.failure().stream()).map(f -> f.lines().findFirst().orElse(f)).toList();
  }

  /** The row's result: its last run. */
  public RunResult result() {
    return last().result();
  }

  /** Where the row's result is. */
  public Path file() {
    return last().file();
  }

  /**
   * Why the row fails, or empty when it passed: the first run that ended early or crossed a threshold
   * ({@link Measurement#failure()}), else the enforced check's failure.
   */
  public Optional<String> failure() {
    return runs.stream().filter(m -> !thresholdsInCheck || m.result().abortedBy().isPresent())
        .flatMap(m -> m.failure().stream()).findFirst()
        .or(() -> check.flatMap(RowCheck::failure));
  }

  /**
   * @return this, when the row passed
   * @throws AssertionError with {@link #failure()} as its message otherwise
   */
  public RowResult requirePassed() {
    failure().ifPresent(reason -> {
      throw new AssertionError(reason);
    });
    return this;
  }

  private Measurement last() {
    return runs.get(runs.size() - 1);
  }
}
