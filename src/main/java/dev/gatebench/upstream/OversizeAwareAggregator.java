package dev.gatebench.upstream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/** Aggregates request bodies; answers a too-large one with a 413 in the API's error shape. */
final class OversizeAwareAggregator extends HttpObjectAggregator {

  private final MockContext mock;

  OversizeAwareAggregator(int maxBodyBytes, MockContext mock) {
    super(maxBodyBytes);
    this.mock = mock;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    String path = oversized instanceof HttpRequest request ? request.uri() : "";
    Api api = Api.forPath(path, oversized.headers().contains("anthropic-version"));
    mock.counters.request(path.startsWith(UpstreamHandler.MESSAGES) ? UpstreamHandler.MESSAGES
        : path.startsWith(UpstreamHandler.CHAT_COMPLETIONS) ? UpstreamHandler.CHAT_COMPLETIONS
        : MockCounters.UNKNOWN_ROUTE);
    // The rest of the body is still on the wire: answer, then close rather than read it.
    Responses.error(ctx, mock.counters, api, 413,
        "request body exceeds " + maxContentLength() + " bytes", false);
  }
}
