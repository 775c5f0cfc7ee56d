/**
 * What a gateway costs to run: {@link dev.gatebench.metrics.resources.ProcessTreeSampler} reads CPU
 * and resident memory of a process and its descendants from /proc once a second,
 * {@link dev.gatebench.metrics.resources.DockerStatsSampler} does the same for a container through
 * {@code docker stats}, and {@link dev.gatebench.metrics.resources.PrometheusScraper} keeps the
 * change of a gateway's own {@code /metrics} over a run. Each result goes into
 * {@code RunResult.environment} ({@code resources}, {@code gatewayMetrics}).
 *
 * <p>Knows nothing of JUnit, gateways' start-up or reports; Linux for the /proc sampler.
 */
package dev.gatebench.metrics.resources;
