package dev.gatebench.gateway;

import java.net.URI;

/** A gateway that needs nothing started: the Direct row is the upstream itself. Every stack uses it as it is. */
public interface BuiltIn extends GatewayKind {
  /** Its base URL for this upstream, e.g. the mock's {@code http://127.0.0.1:41234}. */
  URI baseUrl(UpstreamEndpoint upstream);
}
