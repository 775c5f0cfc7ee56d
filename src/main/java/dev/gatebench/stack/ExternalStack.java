package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.GatewayUnavailableException;
import dev.gatebench.gateway.RunningGateway;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Gateways already running at {@code INFERXGATE_URL} / {@code LITELLM_URL}; nothing is started or stopped. */
final class ExternalStack implements Launcher {
  private final GatewaySettings settings;

  ExternalStack(GatewaySettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "external";
  }

  @Override
  public Gateway launch(GatewayKind kind) throws GatewayUnavailableException {
    String setting = kind.externalUrlSetting();
    URI url = kind.externalUrl(settings).orElseThrow(() -> new GatewayUnavailableException(kind.name()
        + " skipped: " + setting + " is unset; set " + setting + " to the running gateway, e.g. "
        + setting + "=http://localhost:" + kind.containerPort()));
    String answer = Readiness.check(url, kind.readiness());
    if (!Readiness.isReady(answer)) {
      throw new GatewayUnavailableException(kind.name() + " skipped: " + setting + "=" + url + " did not answer "
          + kind.readiness() + " with 2xx (got " + answer + "); start it or fix " + setting);
    }
    Map<String, Object> facts = new LinkedHashMap<>(kind.facts(settings));
    facts.put("stack", name());
    facts.put("url", url.toString());
    facts.put("version", "unknown (external)");
    facts.put("limits", "unknown (external)");
    return new RunningGateway(kind, url, kind.authHeaders(settings), "unknown (external)", facts, Optional.empty());
  }

  @Override
  public void close() {
    // started nothing, stops nothing
  }
}
