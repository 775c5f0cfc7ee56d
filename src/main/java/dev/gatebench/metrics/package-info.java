/**
 * What a run measured: {@link dev.gatebench.metrics.MetricsCollector} records request outcomes
 * into HdrHistogram recorders (ns, 3 significant digits) and counters, closes a one-second time
 * series, and builds a {@link dev.gatebench.metrics.RunResult} whose metrics carry k6's names and
 * value names (trends in ms). {@link dev.gatebench.metrics.RunResultJson} writes and reads result
 * files in k6's summary shape; {@link dev.gatebench.metrics.ProgressReporter} shows a run live:
 * suite, gateway, progress, and latency over a window of recent seconds ({@link dev.gatebench.metrics.RecentWindow}).
 *
 * <p>Knows nothing of JUnit, gateways or reports.
 */
package dev.gatebench.metrics;
