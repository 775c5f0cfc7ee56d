/**
 * What a gateway does when the upstream fails and when keys are wrong, measured from outside with the mock
 * as ground truth. {@link dev.gatebench.faults.ErrorCases} swaps each {@link dev.gatebench.faults.FaultCase}
 * into the mock's plan and sends marked client requests through a row: the client's status and error body,
 * the upstream attempts each request became (the mock's count of its mark), the time to the end, and whether
 * the client was told ({@link dev.gatebench.faults.ErrorsTable}). {@link dev.gatebench.faults.KeyFlood} runs
 * valid traffic alone and beside invalid keys and counts the invalid ones that reached the mock
 * ({@link dev.gatebench.faults.KeyFloodResult}). Both give the {@link dev.gatebench.faults.FaultMetrics}
 * counters that suites bound with k6 thresholds.
 *
 * <p>Imports {@code upstream}, {@code load} and {@code metrics}; knows nothing of JUnit, gateways' start-up or
 * {@code run}, which calls it.
 */
package dev.gatebench.faults;
