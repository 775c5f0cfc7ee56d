package dev.gatebench.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A started gateway, as a suite talks to it: where to send chat completions, with which headers,
 * and the facts to record with every result. Implementations are immutable and thread-safe.
 */
public interface Gateway {
  /** The row id: {@code direct}, {@code litellm}, or a variant such as {@code litellm[workers=4]}. */
  String name();

  /** The name in reports, e.g. {@code LiteLLM}. */
  String displayName();

  /** Scheme, host and port where the gateway listens, e.g. {@code http://127.0.0.1:4000}. */
  URI baseUrl();

  /** The OpenAI-compatible {@code POST /v1/chat/completions} endpoint. */
  default URI chatCompletionsUrl() {
    return baseUrl().resolve("/v1/chat/completions");
  }

  /** Headers every request needs, e.g. {@code Authorization: Bearer <master key>}; secrets, never log them. */
  Map<String, String> authHeaders();

  /** The request that answers 2xx once the gateway serves traffic. */
  Probe readiness();

  default URI readinessUrl() {
    return readiness().on(baseUrl());
  }

  /** The gateway's Prometheus endpoint, if it has one. */
  Optional<URI> metricsUrl();

  /** The version that runs, e.g. {@code 1.106.12}, or {@code unknown}. */
  String version();

  /** Settings that shape the numbers (version, workers, retries, limits, pid, log file), no secrets. */
  Map<String, Object> facts();

  /** The gateway's root process, when gatebench started it as a local process. */
  Optional<ProcessHandle> process();

  default OptionalLong pid() {
    return process().map(p -> OptionalLong.of(p.pid())).orElseGet(OptionalLong::empty);
  }
}
