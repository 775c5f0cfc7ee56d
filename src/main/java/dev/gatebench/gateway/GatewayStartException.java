package dev.gatebench.gateway;

/** A gateway that should run here but failed to install or start; the message says why and the fix. */
public class GatewayStartException extends RuntimeException {
  public GatewayStartException(String message) {
    super(message);
  }

  public GatewayStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
