package dev.gatebench.run;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.Probe;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A row the tests point at anything that answers chat completions on loopback: a proxy, the mock, a forked
 * process. Readiness is a chat completion, as for the mock; no metrics endpoint.
 */
record TestGateway(String name, String displayName, URI baseUrl, Map<String, String> authHeaders,
    Map<String, Object> facts, Optional<ProcessHandle> process) implements Gateway {

  /** A row named {@code name} at {@code baseUrl}, no keys, no facts, no process. */
  static TestGateway at(String name, URI baseUrl) {
    return new TestGateway(name, name, baseUrl, Map.of(), Map.of(), Optional.empty());
  }

  TestGateway withHeaders(Map<String, String> headers) {
    return new TestGateway(name, displayName, baseUrl, headers, facts, process);
  }

  TestGateway withFacts(Map<String, Object> more) {
    return new TestGateway(name, displayName, baseUrl, authHeaders, more, process);
  }

  /** As run by a stack: its display name and process. */
  TestGateway running(String display, ProcessHandle handle) {
    return new TestGateway(name, display, baseUrl, authHeaders, facts, Optional.of(handle));
  }

  @Override
  public Probe readiness() {
    return Probe.post("/v1/chat/completions");
  }

  @Override
  public Optional<URI> metricsUrl() {
    return Optional.empty();
  }

  @Override
  public String version() {
    return "test";
  }
}
