package dev.gatebench.gateway;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP request that answers 2xx when a gateway is ready, e.g. {@code POST /health} for
 * InferXgate (its {@code GET /health} answers 405).
 *
 * @param method HTTP method, upper case: GET or POST
 * @param path absolute path starting with {@code /}, e.g. {@code /health/readiness}
 */
public record Probe(String method, String path) {
  private static final Set<String> METHODS = Set.of("GET", "POST");

  public Probe {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("probe method must be one of " + METHODS + " but was '" + method + "'");
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("probe path must start with / but was '" + path + "'");
    }
  }

  public static Probe get(String path) {
    return new Probe("GET", path);
  }

  public static Probe post(String path) {
    return new Probe("POST", path);
  }

  /** The probe's URL on a gateway at {@code baseUrl} (scheme, host and port; any path is replaced). */
  public URI on(URI baseUrl) {
    return baseUrl.resolve(path);
  }

  @Override
  public String toString() {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
