/**
 * Load: k6's executors and an HTTP driver for OpenAI-compatible chat completions.
 *
 * <p>A {@link dev.gatebench.load.Scenario} names a k6 executor and its options
 * ({@code Scenario.rampingVus(1, Stage.of("30s", 5))}); {@link dev.gatebench.load.LoadEngine} drives
 * it against a {@link dev.gatebench.load.Target} with Netty (epoll when available), each VU a state
 * machine on an event loop owning one keep-alive connection, and reports every request to a
 * {@link dev.gatebench.metrics.MetricsSink}. Open models (arrival-rate executors) measure from each
 * request's scheduled arrival (coordinated-omission correction). {@link dev.gatebench.load.LoadRunner}
 * ticks once a second and returns a {@link dev.gatebench.metrics.RunResult}, which
 * {@link dev.gatebench.load.GeneratorCheck} marks untrustworthy when the generator itself fell behind
 * its schedule (a busy machine is not a slow gateway);
 * {@link dev.gatebench.load.StandardMetrics} is the one class that wires it to the metrics collector,
 * thresholds and progress reporter.
 *
 * <p>Knows nothing of JUnit, gateways' start-up or reports: it drives a URL.
 */
package dev.gatebench.load;
