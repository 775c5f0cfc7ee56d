package dev.gatebench.gateway;

/** A gateway that runs as a local process: the processes stack starts it. */
public interface RunsAsProcess extends GatewayKind {
  /**
   * How to run it listening on {@code request.port()}; anything {@link NeedsInstall} installs is
   * installed before this is called.
   *
   * @throws GatewayUnavailableException when this machine cannot run it, with how to enable it
   */
  ProcessSpec process(ProcessRequest request) throws GatewayUnavailableException;
}
