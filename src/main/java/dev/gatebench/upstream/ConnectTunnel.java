package dev.gatebench.upstream;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers {@code CONNECT api.anthropic.com:443} as a proxy that terminates TLS itself: after
 * "200 Connection Established" the same connection speaks HTTPS with the mock's leaf
 * certificate and serves the same routes. Any other host is refused: never an open proxy.
 */
final class ConnectTunnel {

  static final int HTTPS_PORT = 443;
  private static final HttpResponseStatus ESTABLISHED = new HttpResponseStatus(200, "Connection Established");

  private ConnectTunnel() {}

  static void handle(ChannelHandlerContext ctx, FullHttpRequest request, MockContext mock) {
    mock.counters.request("CONNECT");
    if (!allowed(request.uri())) {
      mock.counters.refused();
      refuse(ctx, mock, request.uri());
      return;
    }
    mock.counters.tunnel();
    // Written through the HTTP encoder before it leaves the pipeline; the event loop runs this
    // synchronously, so no byte of the TLS handshake can reach the old codec.
    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, ESTABLISHED));
    ChannelPipeline pipeline = ctx.pipeline();
    pipeline.remove(MockInitializer.CODEC);
    pipeline.addFirst(MockInitializer.TLS, Tls.shared().serverContext().newHandler(ctx.alloc()));
    pipeline.addAfter(MockInitializer.TLS, MockInitializer.CODEC, new HttpServerCodec());
  }

  /** Only {@code host:443} of an impersonated provider host. */
  static boolean allowed(String authority) {
    int colon = authority.lastIndexOf(':');
    if (colon < 0) {
      return false;
    }
    String host = authority.substring(0, colon).toLowerCase(Locale.ROOT);
    return Tls.PROVIDER_HOSTS.contains(host) && authority.substring(colon + 1).equals(String.valueOf(HTTPS_PORT));
  }

  private static void refuse(ChannelHandlerContext ctx, MockContext mock, String authority) {
    byte[] body = ("CONNECT to " + authority + " refused: this mock only impersonates "
        + String.join(", ", Tls.PROVIDER_HOSTS) + " on port 443\n").getBytes(StandardCharsets.UTF_8);
    var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN,
        Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    Responses.send(ctx, mock.counters, response, false);
  }
}
