package dev.gatebench.gateway;

/** A gateway that knows its version before it is asked; others are recorded as {@code unknown}. */
public interface ReportsVersion extends GatewayKind {
  /** E.g. {@code 1.106.12}. */
  String version(GatewayContext context);
}
