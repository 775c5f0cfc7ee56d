package dev.gatebench.upstream;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;

/** The pipeline of one accepted connection: (TLS,) HTTP codec, aggregator, the mock's routes. */
final class MockInitializer extends ChannelInitializer<SocketChannel> {

  static final String TLS = "tls";
  static final String CODEC = "codec";
  /** Bodies above this get a 413; real providers accept tens of MiB at most. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private final MockContext mock;
  private final boolean tls;

  MockInitializer(MockContext mock, boolean tls) {
    this.mock = mock;
    this.tls = tls;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (tls) {
      pipeline.addLast(TLS, Tls.shared().serverContext().newHandler(channel.alloc()));
    }
    pipeline.addLast(CODEC, new HttpServerCodec());
    pipeline.addLast("aggregator", new OversizeAwareAggregator(MAX_BODY_BYTES, mock));
    pipeline.addLast("routes", new UpstreamHandler(mock));
  }
}
