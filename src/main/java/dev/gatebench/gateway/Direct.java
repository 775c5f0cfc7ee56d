package dev.gatebench.gateway;

import java.net.URI;
import java.util.Map;

/**
 * The zero-overhead reference row: requests go straight to the mock upstream's
 * {@code /v1/chat/completions}, so a gateway's overhead is its latency minus this row's.
 */
public final class Direct extends BasicKind implements BuiltIn, ReportsVersion {
  /** Nothing is started for this row, so nothing is probed; the mock is ready once it is constructed. */
  public Direct() {
    super("direct", "Direct (mock upstream)", Probe.post("/v1/chat/completions"), 8080);
  }

  @Override
  public void checkAvailable(GatewayContext context, UpstreamEndpoint upstream) throws GatewayUnavailableException {
    upstream.requireMock(name(), "the Direct row calls the mock upstream");
  }

  @Override
  public URI baseUrl(UpstreamEndpoint upstream) {
    return upstream.httpBaseUrl();
  }

  @Override
  public String version(GatewayContext context) {
    return "mock";
  }

  @Override
  public Map<String, Object> facts(GatewayContext context) {
    return Map.of("upstream", "gatebench mock, called directly");
  }
}
