package dev.gatebench.load;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import dev.gatebench.metrics.ErrorKind;

/** Hands one connection's decoded response parts to its VU; one instance per connection. */
final class ResponseHandler extends ChannelInboundHandlerAdapter {
  private final Vu vu;

  ResponseHandler(Vu vu) {
    this.vu = vu;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      read(ctx, (HttpObject) msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void read(ChannelHandlerContext ctx, HttpObject msg) {
    long nowNanos = System.nanoTime();
    if (msg.decoderResult().isFailure()) {
      Throwable cause = msg.decoderResult().cause();
      vu.failed(ctx.channel(), cause instanceof PrematureChannelClosureException ? ErrorKind.RESET : ErrorKind.OTHER);
      return;
    }
    if (msg instanceof HttpResponse response) {
      vu.head(ctx.channel(), response.status().code(), HttpUtil.isKeepAlive(response), nowNanos);
    }
    if (msg instanceof HttpContent content) vu.content(ctx.channel(), content.content(), nowNanos);
    if (msg instanceof LastHttpContent) vu.last(ctx.channel(), nowNanos);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    vu.failed(ctx.channel(), ErrorKind.RESET);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    vu.failed(ctx.channel(), Vu.classify(cause));
    ctx.close();
  }
}
