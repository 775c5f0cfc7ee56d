package dev.gatebench.config;

/** What the gateways call: {@code gatebench.upstream}. */
public enum UpstreamKind {
  /** gatebench's mock upstream, offline and with a known latency. */
  MOCK,
  /** The real Anthropic API; needs ANTHROPIC_API_KEY. */
  ANTHROPIC
}
