package dev.gatebench.report;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One line of a suite's comparison table. Latencies in ms; empty values render as "n/a".
 *
 * @param gateway the row's target, e.g. {@code litellm}
 * @param skipReason why there are no figures, or empty for a row that ran
 * @param latencyMs p50, p90, p95, p99, max in that order (NaN when unknown)
 * @param overheadMs gateway minus Direct for p50, p95, p99 (NaN when unknown or for Direct itself)
 * @param requestsPerSecond completed requests per second of the run
 * @param errorRate failed / all requests, in [0, 1]
 * @param errorKinds e.g. {@code "TIMEOUT 3, HTTP_STATUS 1"}, empty when none
 * @param tokensPerSecond completion tokens per second, per request (k6's tokens_per_second avg)
 * @param coresMean mean CPU in cores of the gateway's processes
 * @param cpuSecondsPer1000Requests CPU-seconds per 1,000 requests
 * @param rssPeakMib peak resident memory in MiB
 * @param resourceNote what the CPU and memory figures include (e.g. the whole test JVM), or empty
 * @param unwritten why the run's result file could not be written, or empty when it was
 */
record ReportRow(String gateway, Optional<String> skipReason, double[] latencyMs, double[] overheadMs,
    OptionalDouble requestsPerSecond, OptionalDouble errorRate, String errorKinds, OptionalDouble tokensPerSecond,
    OptionalDouble coresMean, OptionalDouble cpuSecondsPer1000Requests, OptionalDouble rssPeakMib, String resourceNote,
    Optional<String> unwritten) {

  static final String[] LATENCY_COLUMNS = {"p50", "p90", "p95", "p99", "max"};
  static final String[] OVERHEAD_COLUMNS = {"p50", "p95", "p99"};

  static ReportRow skipped(String gateway, String reason) {
    double[] none = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    OptionalDouble empty = OptionalDouble.empty();
    return new ReportRow(gateway, Optional.of(reason), none, new double[] {Double.NaN, Double.NaN, Double.NaN},
        empty, empty, "", empty, empty, empty, empty, "", Optional.empty());
  }

  /** The notes printed under a suite's table for this row: what the resource figures cover, a missing file. */
  java.util.List<String> notes() {
    java.util.List<String> notes = new java.util.ArrayList<>();
    if (!resourceNote.isEmpty()) notes.add(gateway + " CPU and memory: " + resourceNote);
    unwritten.ifPresent(why -> notes.add(gateway + " result file NOT written (figures above are only in this "
        + "report): " + why));
    return notes;
  }

  boolean ran() {
    return skipReason.isEmpty();
  }
}
