package dev.gatebench.run;

/** A row its suite's plan cannot run here, e.g. streaming fidelity against a real provider; the reason says why. */
public final class RowSkippedException extends RuntimeException {
  RowSkippedException(String reason) {
    super(reason);
  }
}
