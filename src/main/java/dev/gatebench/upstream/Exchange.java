package dev.gatebench.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Sends one whole (non-streamed) answer on the connection's event loop when its last token is
 * due, waiting with a scheduled task (never a sleeping thread); injects the in-answer faults.
 * Streamed answers are {@link SseStream}'s.
 */
final class Exchange {

  private final ChannelHandlerContext ctx;
  private final UpstreamHandler owner;
  private final MockContext mock;
  private final Api api;
  private final Completion completion;
  private final Timing timing;
  private final FaultKind fault;
  private final boolean keepAlive;
  private final long startNanos;

  Exchange(ChannelHandlerContext ctx, UpstreamHandler owner, Api api, Completion completion, Timing timing,
      FaultKind fault, boolean keepAlive, long startNanos) {
    this.ctx = ctx;
    this.owner = owner;
    this.mock = owner.mock();
    this.api = api;
    this.completion = completion;
    this.timing = timing;
    this.fault = fault;
    this.keepAlive = keepAlive;
    this.startNanos = startNanos;
  }

  /** Schedules the whole answer for when its last token is due. */
  void start() {
    long stall = fault == FaultKind.STALL ? mock.faults.stall().toNanos() : 0;
    at(timing.offsetNanos(completion.tokens() - 1) + stall, this::sendWhole);
  }

  private void sendWhole() {
    if (!ctx.channel().isActive()) {
      return;
    }
    if (fault == FaultKind.STALL && mock.faults.closeAfterStall()) {
      ctx.close();
      return;
    }
    ByteBuf body = ctx.alloc().directBuffer(512 + mock.text.length(completion.tokens()));
    if (api == Api.ANTHROPIC) {
      AnthropicFormat.writeMessage(body, completion, mock.text);
    } else {
      OpenAiFormat.writeCompletion(body, completion, mock.text);
    }
    if (fault == FaultKind.MID_STREAM_DISCONNECT) {
      sendHalfAndClose(body);
      return;
    }
    if (fault == FaultKind.MALFORMED_BODY) {
      body.writerIndex(body.writerIndex() / 2).writeCharSequence("<truncated", StandardCharsets.US_ASCII);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    Responses.send(ctx, mock.counters, response, keepAlive);
    owner.answered(ctx);
  }

  /** Announces the full length, sends half the body, then hangs up. */
  private void sendHalfAndClose(ByteBuf body) {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    mock.counters.response(200);
    ctx.write(head);
    ctx.writeAndFlush(new DefaultHttpContent(body.writerIndex(body.writerIndex() / 2)))
        .addListener(ChannelFutureListener.CLOSE);
  }

  /** Runs {@code task} at {@code offsetNanos} after arrival: now if already due. */
  private void at(long offsetNanos, Runnable task) {
    long delayNanos = startNanos + offsetNanos - System.nanoTime();
    if (delayNanos <= 0) {
      task.run();
    } else {
      ctx.executor().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
  }
}
