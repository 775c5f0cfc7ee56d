package dev.gatebench.report.gate;

import java.util.Locale;

/**
 * The gate's decision for one gateway and metric of one suite. Values in ms.
 *
 * @param suite e.g. {@code baseline}
 * @param gateway e.g. {@code litellm}
 * @param metric what was compared
 * @param baselineMs median overhead of the baseline's seconds
 * @param currentMs median overhead of this run's seconds
 * @param shift current - baseline median shift and its bootstrap interval
 * @param pValue Mann-Whitney p-value
 * @param minEffectMs the smallest shift that may fail, after {@link GateSettings#minEffectMs(double)}
 * @param alpha the significance level used
 * @param failed true when p &lt; alpha and shift &gt;= minEffectMs
 */
public record GateVerdict(String suite, String gateway, GateMetric metric, double baselineMs, double currentMs,
    MedianShift.Estimate shift, double pValue, double minEffectMs, double alpha, boolean failed) {

  /** One line: what regressed, by how much, how sure. */
  public String message() {
    String head = failed ? "REGRESSION" : "ok";
    return String.format(Locale.ROOT,
        "%s: %s %s in suite '%s': baseline %.2f ms, current %.2f ms, shift %+.2f ms (%.0f%% CI %+.2f to %+.2f ms),"
            + " p = %.2g (alpha %.2g), minimum effect %.2f ms",
        head, gateway, metric.label(), suite, baselineMs, currentMs, shift.shift(), shift.confidence() * 100,
        shift.lower(), shift.upper(), pValue, alpha, minEffectMs);
  }
}
