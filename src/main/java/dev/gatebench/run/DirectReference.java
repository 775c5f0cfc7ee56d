package dev.gatebench.run;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Direct's figures in a suite whose other rows are judged against them (capacity, head-of-line, payload):
 * Direct's row runs first and keeps its own; every other row reads them. One per plan type, shared by the
 * run's rows through {@link RowRun#shared}. Thread-safe.
 */
abstract class DirectReference<T> {
  private final AtomicReference<T> kept = new AtomicReference<>();
  private final String comparison;

  /** @param comparison what the suite compares, e.g. "payload compares each size with the direct row's" */
  DirectReference(String comparison) {
    this.comparison = comparison;
  }

  /**
   * Empty for Direct's own row, Direct's figures for any other.
   *
   * @throws IllegalStateException when Direct's row has not run, naming the setting that adds it
   */
  Optional<T> forRow(RowRun row) {
    if (row.isDirect()) return Optional.empty();
    T reference = kept.get();
    if (reference == null) {
      throw new IllegalStateException(comparison + ", which has not run; include direct in gatebench.gateways, "
          + "e.g. -Dgatebench.gateways=direct,litellm");
    }
    return Optional.of(reference);
  }

  /** Keeps {@code figures} as the reference when {@code row} is Direct's. */
  void keepIfDirect(RowRun row, T figures) {
    if (row.isDirect()) kept.set(figures);
  }
}
