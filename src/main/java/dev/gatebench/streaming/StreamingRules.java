package dev.gatebench.streaming;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ratios a streamed run is judged by, against the mock's TTFT and ITL. Immutable.
 *
 * @param collapsedItl gaps count as collapsed when the ITL p50 is below this fraction of the mock's
 *     ITL, in (0, 1); e.g. 0.25
 * @param lateFirstToken the first token counts as late when it comes after the mock's TTFT plus this
 *     fraction of the rest of the answer, in (0, 1]; e.g. 0.5 (half-way through the mock's answer)
 * @param heldHeaders headers count as held when they arrive less than this fraction of the mock's
 *     TTFT before the first token, in (0, 1); e.g. 0.5
 * @param itlRatio a good row's ITL p50 lies within [mock ITL / ratio, mock ITL x ratio], > 1; e.g. 2
 * @param countTolerance deltas and usage tokens received may differ from those sent by this
 *     fraction (answers cut at the end of a run), in [0, 1); e.g. 0.01
 */
public record StreamingRules(double collapsedItl, double lateFirstToken, double heldHeaders, double itlRatio,
    double countTolerance) {
  /** 0.25, 0.5, 0.5, 2, 0.01. */
  public static final StreamingRules DEFAULT = new StreamingRules(0.25, 0.5, 0.5, 2.0, 0.01);

  public StreamingRules {
    requireIn("collapsedItl", collapsedItl, 0, 1, false);
    requireIn("lateFirstToken", lateFirstToken, 0, 1, true);
    requireIn("heldHeaders", heldHeaders, 0, 1, false);
    if (!(itlRatio > 1)) throw new IllegalArgumentException("itlRatio must be > 1 but was " + itlRatio);
    if (!(countTolerance >= 0 && countTolerance < 1)) {
      throw new IllegalArgumentException("countTolerance must be in [0, 1) but was " + countTolerance);
    }
  }

  private static void requireIn(String name, double value, double low, double high, boolean highIncluded) {
    boolean ok = value > low && (highIncluded ? value <= high : value < high);
    if (!ok) {
      throw new IllegalArgumentException(name + " must be in (" + low + ", " + high + (highIncluded ? "]" : ")")
          + " but was " + value);
    }
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("collapsedItl", collapsedItl);
    map.put("lateFirstToken", lateFirstToken);
    map.put("heldHeaders", heldHeaders);
    map.put("itlRatio", itlRatio);
    map.put("countTolerance", countTolerance);
    return map;
  }
}
