package dev.gatebench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The event loops of one run (epoll when the native transport loads, NIO otherwise) and how a VU
 * opens its connection. Thread-safe.
 */
final class Transport implements AutoCloseable {
  private final EventLoopGroup group;
  private final Class<? extends SocketChannel> channelType;
  private final int connectTimeoutMillis;
  private final GeneratorCpu cpu;
  private final Pacer pacer = new Pacer();

  Transport(int ioThreads, Duration connectTimeout) {
    boolean epoll = Epoll.isAvailable();
    this.group = new MultiThreadIoEventLoopGroup(ioThreads, epoll
        ? EpollIoHandler.newFactory(0, () -> pacer)
        : NioIoHandler.newFactory(SelectorProvider.provider(), () -> pacer));
    this.channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
    this.cpu = new GeneratorCpu(loopThreads());
  }

  /** Starts every loop's thread and names it, so its CPU time and run-queue wait can be read. */
  private List<GeneratorCpu.Loop> loopThreads() {
    List<GeneratorCpu.Loop> threads = new ArrayList<>();
    for (EventExecutor loop : group) threads.add(loop.submit(GeneratorCpu.Loop::current).syncUninterruptibly().getNow());
    return threads;
  }

  /** The CPU time of this transport's loops. */
  GeneratorCpu cpu() {
    return cpu;
  }

  /** What keeps this transport's loops polling before an arrival is due. */
  Pacer pacer() {
    return pacer;
  }

  /** {@code epoll} or {@code nio}, recorded with results. */
  String kind() {
    return channelType == EpollSocketChannel.class ? "epoll" : "nio";
  }

  EventLoop nextLoop() {
    return group.next();
  }

  /** Connects on {@code vu}'s own loop, with a fresh response handler bound to the VU. */
  ChannelFuture connect(Vu vu, InetSocketAddress address) {
    return new Bootstrap().group(vu.loop()).channel(channelType)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpResponseDecoder(), new ResponseHandler(vu));
          }
        })
        .connect(address);
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
