package dev.gatebench.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateways call: gatebench's mock upstream, or the real provider.
 *
 * @param httpBaseUrl plain HTTP base of the mock without a path, e.g. {@code http://127.0.0.1:41234};
 *     for the real provider {@code https://api.anthropic.com}
 * @param httpsProxy a CONNECT proxy that terminates TLS for {@code api.anthropic.com} (the mock
 *     itself, same port), for gateways with a hard-coded provider URL; empty for the real provider
 * @param caCertificatePem the CA that signed the proxy's certificate for {@code api.anthropic.com}
 * @param realProvider true when the gateways call the real Anthropic API
 */
public record UpstreamEndpoint(URI httpBaseUrl, Optional<URI> httpsProxy, Optional<Path> caCertificatePem,
    boolean realProvider) {
  /** The real Anthropic API, as a gateway's default provider URL. */
  public static final URI ANTHROPIC_API = URI.create("https://api.anthropic.com");

  public UpstreamEndpoint {
    Objects.requireNonNull(httpBaseUrl, "httpBaseUrl");
    Objects.requireNonNull(httpsProxy, "httpsProxy");
    Objects.requireNonNull(caCertificatePem, "caCertificatePem");
    if (httpBaseUrl.getHost() == null || httpBaseUrl.getScheme() == null) {
      throw new IllegalArgumentException("httpBaseUrl must be absolute like http://127.0.0.1:8080 but was '"
          + httpBaseUrl + "'");
    }
    if (httpsProxy.isPresent() != caCertificatePem.isPresent()) {
      throw new IllegalArgumentException("httpsProxy and caCertificatePem go together: the proxy's "
          + "certificate is trusted through the CA; got proxy " + httpsProxy + " and CA " + caCertificatePem);
    }
  }

  /** The mock at {@code baseUrl}, which is also the TLS-terminating CONNECT proxy signed by {@code caPem}. */
  public static UpstreamEndpoint mock(URI baseUrl, Path caPem) {
    return new UpstreamEndpoint(baseUrl, Optional.of(baseUrl), Optional.of(caPem), false);
  }

  /** The real Anthropic API: no proxy, no private CA. */
  public static UpstreamEndpoint anthropic() {
    return new UpstreamEndpoint(ANTHROPIC_API, Optional.empty(), Optional.empty(), true);
  }

  /**
   * Refuses the real provider for a row that exists only in front of the mock.
   *
   * @param row e.g. {@code nginx}
   * @param why what the row does with the mock, e.g. {@code the nginx row proxies the mock upstream}
   * @throws GatewayUnavailableException naming the row and how to get it
   */
  public void requireMock(String row, String why) throws GatewayUnavailableException {
    if (realProvider) {
      throw new GatewayUnavailableException(row + " skipped: " + why + ", and gatebench.upstream=anthropic runs "
          + "without it; use -Dgatebench.upstream=mock to get this row");
    }
  }

  /** The base URL without a trailing slash, as LiteLLM's {@code api_base} wants it. */
  public String baseWithoutSlash() {
    String base = httpBaseUrl.toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** The same upstream reached through another host name, e.g. from containers. */
  public UpstreamEndpoint withHost(String host) {
    return new UpstreamEndpoint(rehost(httpBaseUrl, host), httpsProxy.map(p -> rehost(p, host)),
        caCertificatePem, realProvider);
  }

  private static URI rehost(URI uri, String host) {
    return URI.create(uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
  }
}
