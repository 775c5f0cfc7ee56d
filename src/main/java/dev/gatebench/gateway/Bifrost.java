package dev.gatebench.gateway;

import java.util.Map;

/**
 * Bifrost (Go, maximhq/bifrost): listed so that its row says why it cannot run here rather than
 * vanishing. It cannot be installed from the package registries: npm {@code @maximhq/bifrost}
 * is a launcher that downloads {@code bifrost-http} from its vendor at run time, and the Go module
 * proxy refuses its module. Its OpenAI route also wants provider-prefixed models
 * ({@code anthropic/<model>}), which the suites' shared request does not carry.
 */
public final class Bifrost extends BasicKind {
  /** The npm launcher's version, whose behaviour {@link #UNAVAILABLE} describes. */
  static final String LAUNCHER_VERSION = "1.6.3";
  static final String UNAVAILABLE = "bifrost skipped: no bifrost-http binary can be had here: npm @maximhq/bifrost@"
      + LAUNCHER_VERSION + " is a launcher that downloads it at run time (here: 'fetch failed', getaddrinfo "
      + "ENOTFOUND getbifrost.ai), and 'go install github.com/maximhq/bifrost/transports/bifrost-http@latest' "
      + "is refused by the Go module proxy (403 Forbidden: This module version is not available); "
      + "running it also needs requests with provider-prefixed models (anthropic/<model>)";

  public Bifrost() {
    super("bifrost", "Bifrost", Probe.get("/health"), 8080);
  }

  /** Skipped on every stack, the external one too: a running Bifrost still wants provider-prefixed models. */
  @Override
  public void checkAvailable(GatewayContext context, UpstreamEndpoint upstream) throws GatewayUnavailableException {
    throw new GatewayUnavailableException(UNAVAILABLE);
  }

  @Override
  public Map<String, Object> facts(GatewayContext context) {
    return Map.of("npm_launcher", LAUNCHER_VERSION, "runs", false);
  }
}
