package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewayUnavailableException;
import dev.gatebench.gateway.HasExternalUrl;
import dev.gatebench.gateway.RunningGateway;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Gateways already running at their URL setting ({@code LITELLM_URL}, ...); nothing is started or stopped. */
final class ExternalStack implements Launcher {
  private final UpstreamEndpoint upstream;

  ExternalStack(UpstreamEndpoint upstream) {
    this.upstream = upstream;
  }

  @Override
  public String name() {
    return "external";
  }

  @Override
  public Gateway launch(GatewayContext row) throws GatewayUnavailableException {
    String setting = Abilities.require(row, HasExternalUrl.class).externalUrlSetting();
    GatewayKind kind = row.kind();
    URI url = row.externalUrl().orElseThrow(() -> new GatewayUnavailableException(row.row().name()
        + " skipped: " + setting + " is unset; set " + setting + " to the running gateway, e.g. "
        + setting + "=http://localhost:" + kind.usualPort()));
    String answer = Readiness.check(url, kind.readiness());
    if (!Readiness.isReady(answer)) {
      throw new GatewayUnavailableException(row.row().name() + " skipped: " + setting + "=" + url + " did not answer "
          + kind.readiness() + " with 2xx (got " + answer + "); start it or fix " + setting);
    }
    Map<String, Object> facts = new LinkedHashMap<>(row.facts());
    facts.put("stack", name());
    facts.put("url", url.toString());
    facts.put("version", "unknown (external)");
    facts.put("limits", "unknown (external)");
    return new RunningGateway(row.row(), url, row.requestHeaders(upstream), "unknown (external)", facts,
        Optional.empty());
  }

  @Override
  public void close() {
    // started nothing, stops nothing
  }
}
