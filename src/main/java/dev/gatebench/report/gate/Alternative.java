package dev.gatebench.report.gate;

/** Which difference the regression gate's test looks for. */
public enum Alternative {
  /** Current differs from baseline in either direction. */
  TWO_SIDED,
  /** Current is slower (larger) than baseline: the one-sided test a regression gate needs. */
  SLOWER
}
