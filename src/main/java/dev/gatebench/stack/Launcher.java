package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewayUnavailableException;

/** One way of running gateways (processes, containers, external URLs); closing stops all it started. */
interface Launcher extends AutoCloseable {
  /** The {@code gatebench.stack} name of this way, e.g. {@code processes}. */
  String name();

  /**
   * Starts (or finds) a gateway of {@code kind} and waits until it is ready.
   *
   * @throws GatewayUnavailableException when it cannot run here, with how to enable it
   * @throws dev.gatebench.gateway.GatewayStartException when it should run here but failed
   */
  Gateway launch(GatewayKind kind) throws GatewayUnavailableException;

  @Override
  void close();
}
