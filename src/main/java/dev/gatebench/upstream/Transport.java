package dev.gatebench.upstream;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Epoll when the native transport loads, NIO otherwise. The epoll classes are looked up by name
 * because the build has them on the runtime class path only (netty's BOM scopes them so).
 */
record Transport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends ServerChannel> serverChannel) {

  private static final String EPOLL = "io.netty.channel.epoll.";

  static Transport best() {
    try {
      Class<?> epoll = Class.forName(EPOLL + "Epoll");
      if ((Boolean) epoll.getMethod("isAvailable").invoke(null)) {
        IoHandlerFactory factory = (IoHandlerFactory) Class.forName(EPOLL + "EpollIoHandler")
            .getMethod("newFactory").invoke(null);
        return new Transport("epoll", factory,
            Class.forName(EPOLL + "EpollServerSocketChannel").asSubclass(ServerChannel.class));
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      // fall through to NIO: epoll is an optimisation, not a requirement
    }
    return nio();
  }

  static Transport nio() {
    return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
  }
}
