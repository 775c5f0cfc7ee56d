package dev.gatebench.gateway;

import java.util.Map;

/**
 * A gateway whose clients name the upstream on every request (Portkey's {@code x-portkey-custom-host}):
 * known only once the stack has started the upstream, so it is asked then.
 */
public interface UpstreamHeaders extends GatewayKind {
  /** The headers for {@code upstream} as the gateway reaches it; empty for the real provider if it needs none. */
  Map<String, String> upstreamHeaders(GatewayContext context, UpstreamEndpoint upstream);
}
