/**
 * k6 thresholds ({@code p(95)<30000}, {@code rate<0.1}, object form with {@code abortOnFail}) as
 * values: {@link dev.gatebench.threshold.Threshold}, {@link dev.gatebench.threshold.Thresholds}
 * evaluating them on a {@link dev.gatebench.metrics.RunResult}, and AssertJ assertions through
 * {@link dev.gatebench.threshold.GatebenchAssertions#assertThat(dev.gatebench.metrics.RunResult)}.
 */
package dev.gatebench.threshold;
