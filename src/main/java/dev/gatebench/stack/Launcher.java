package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.GatewayUnavailableException;
import java.util.List;

/** One way of running gateways (processes, containers, external URLs); closing stops all it started. */
interface Launcher extends AutoCloseable {
  /** The {@code gatebench.stack} name of this way, e.g. {@code processes}. */
  String name();

  /** The rows it will be asked to launch, in order, before the first launch (e.g. for Prometheus' targets). */
  default void plan(List<GatewayContext> rows) {}

  /**
   * Starts (or finds) the gateway of one row and waits until it is ready.
   *
   * @throws GatewayUnavailableException when it cannot run here, with how to enable it
   * @throws dev.gatebench.gateway.GatewayStartException when it should run here but failed
   */
  Gateway launch(GatewayContext row) throws GatewayUnavailableException;

  @Override
  void close();
}
