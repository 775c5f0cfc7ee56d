/**
 * The CI regression gate: {@link dev.gatebench.report.gate.RegressionGate} compares each gateway's
 * per-second overhead over the Direct row with a stored {@link dev.gatebench.report.gate.Baseline}
 * using {@link dev.gatebench.report.gate.MannWhitney} and a bootstrap
 * {@link dev.gatebench.report.gate.MedianShift}; see {@code docs/regression-gate.md}.
 */
package dev.gatebench.report.gate;
