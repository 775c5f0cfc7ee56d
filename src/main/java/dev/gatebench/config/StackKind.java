package dev.gatebench.config;

/** Where the gateways run: {@code gatebench.stack}. */
public enum StackKind {
  /** Containers when a Docker engine answers, local processes otherwise. */
  AUTO,
  PROCESSES,
  CONTAINERS,
  /** Gateways already running at INFERXGATE_URL / LITELLM_URL. */
  EXTERNAL
}
