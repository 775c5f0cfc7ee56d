package dev.gatebench.gateway;

import java.util.Map;

/** A gateway that wants credentials on every request. */
public interface AuthHeaders extends GatewayKind {
  /** E.g. {@code Authorization: Bearer <master key>}; secrets, never logged. */
  Map<String, String> authHeaders(GatewayContext context);
}
