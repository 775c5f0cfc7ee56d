package dev.gatebench.stack;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Unix socket that forwards every connection to another one (the Docker engine's), until closed:
 * then it refuses new connections and cuts the open ones, as an engine that stops does. Lets a test
 * stop "the engine" of one run without stopping the engine every other test and build shares.
 */
final class UnixSocketProxy implements AutoCloseable {
  private final Path socket;
  private final Path target;
  private final ServerSocketChannel server;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

  private UnixSocketProxy(Path socket, Path target, ServerSocketChannel server) {
    this.socket = socket;
    this.target = target;
    this.server = server;
  }

  static UnixSocketProxy start(Path socket, Path target) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    UnixSocketProxy proxy = new UnixSocketProxy(socket, target, server);
    Thread.ofPlatform().daemon().name("docker-proxy-accept").start(proxy::accept);
    return proxy;
  }

  /** {@code unix:///...}, for DOCKER_HOST. */
  String endpoint() {
    return "unix://" + socket;
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(target));
        open.add(client);
        open.add(engine);
        Thread.ofPlatform().daemon().start(() -> pump(client, engine));
        Thread.ofPlatform().daemon().start(() -> pump(engine, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) to.write(buffer);
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    open.forEach(UnixSocketProxy::closeQuietly);
    Files.deleteIfExists(socket);
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // already cut
    }
  }
}
