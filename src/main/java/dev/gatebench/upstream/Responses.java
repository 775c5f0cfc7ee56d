package dev.gatebench.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/** Writes whole responses and closes connections the ways the fault plan needs. */
final class Responses {

  static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
  static final AsciiString EVENT_STREAM = AsciiString.cached("text/event-stream; charset=utf-8");

  private Responses() {}

  static HttpResponseStatus status(int code) {
    return code == 529 ? new HttpResponseStatus(529, "Overloaded") : HttpResponseStatus.valueOf(code);
  }

  /** A JSON response; closes the connection afterwards unless {@code keepAlive}. */
  static void json(ChannelHandlerContext ctx, MockCounters counters, int status, ByteBuf body, boolean keepAlive) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status(status), body);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    send(ctx, counters, response, keepAlive);
  }

  static void error(ChannelHandlerContext ctx, MockCounters counters, Api api, int status, String message,
      boolean keepAlive) {
    json(ctx, counters, status, Unpooled.wrappedBuffer(api.errorBody(status, message)), keepAlive);
  }

  static void send(ChannelHandlerContext ctx, MockCounters counters, FullHttpResponse response, boolean keepAlive) {
    counters.response(response.status().code());
    if (!keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.writeAndFlush(response);
  }

  /** Resets the connection: SO_LINGER 0 makes close() send RST instead of FIN. */
  static void reset(ChannelHandlerContext ctx) {
    ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    ctx.channel().close();
  }

  /** A 429 with {@code retry-after} in whole seconds, as both APIs send it. */
  static FullHttpResponse rateLimited(ByteBuf body, java.time.Duration retryAfter) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.TOO_MANY_REQUESTS, body);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set(HttpHeaderNames.RETRY_AFTER, Long.toString(Math.max(0, retryAfter.toSeconds())));
    return response;
  }
}
