package dev.gatebench.stack;

import dev.gatebench.gateway.GatewayStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 for local gateways. */
final class Ports {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private Ports() {}

  /** A port free right now; another process may still take it before the gateway binds (checked later). */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /** @throws GatewayStartException naming the port and the fix when something already listens there */
  static void requireFree(int port, String gateway, String portSetting) {
    try (ServerSocket socket = new ServerSocket(port, 1, LOOPBACK)) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw taken(port, gateway, portSetting);
    }
  }

  static GatewayStartException taken(int port, String gateway, String portSetting) {
    return new GatewayStartException(gateway + " cannot start: port " + port + " taken on 127.0.0.1 by another "
        + "process; stop that process, or unset " + portSetting + " so that gatebench picks a free port");
  }
}
