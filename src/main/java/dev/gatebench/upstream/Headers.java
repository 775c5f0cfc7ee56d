package dev.gatebench.upstream;

/** Request headers that steer one request. */
final class Headers {

  /** Forces a fault: a {@link FaultKind} short name such as {@code 500} or {@code reset}, or {@code none}. */
  static final String FAULT = "x-mock-fault";
  /** Overrides the time to first token, in milliseconds, e.g. {@code 50} or {@code 12.5}. */
  static final String TTFT_MS = "x-mock-ttft-ms";
  /** Overrides the inter-token latency, in milliseconds. */
  static final String ITL_MS = "x-mock-itl-ms";

  private Headers() {}
}
