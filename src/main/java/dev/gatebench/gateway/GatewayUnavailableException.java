package dev.gatebench.gateway;

/**
 * A gateway that this machine cannot run; not an error: its row is skipped and the message, which
 * says why and how to enable it, is reported.
 */
public class GatewayUnavailableException extends Exception {
  public GatewayUnavailableException(String message) {
    super(message);
  }
}
