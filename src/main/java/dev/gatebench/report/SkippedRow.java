package dev.gatebench.report;

import java.util.Objects;

/**
 * A gateway that has no result in a suite, shown in the report as a row with the reason.
 *
 * @param suite e.g. {@code throughput}
 * @param gateway e.g. {@code inferxgate}
 * @param reason one line for the reader, e.g. {@code "skipped: docker not available"} or
 *     {@code "failed: readiness timed out after 120 s"}
 */
public record SkippedRow(String suite, String gateway, String reason) {
  public SkippedRow {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(gateway, "gateway");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must say why " + gateway + " has no result in suite " + suite);
    }
  }
}
