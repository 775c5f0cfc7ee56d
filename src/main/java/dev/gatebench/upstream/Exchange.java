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
 * Streamed answers are {@link SseStream}'s. It is its own scheduled task, so that an answer allocates
 * nothing to wait.
 */
final class Exchange implements Runnable {

  private final Answer answer;
  private final ChannelHandlerContext ctx;
  private final MockContext mock;

  Exchange(Answer answer) {
    this.answer = answer;
    this.ctx = answer.ctx();
    this.mock = answer.mock();
  }

  /** Schedules the whole answer for when its last token is due. */
  void start() {
    long stall = answer.fault() == FaultKind.STALL ? mock.faults.stall().toNanos() : 0;
    at(answer.timing().offsetNanos(answer.completion().tokens() - 1) + stall);
  }

  /** Sends the whole answer, now that its last token is due. */
  @Override
  public void run() {
    if (!ctx.channel().isActive()) {
      return;
    }
    if (answer.fault() == FaultKind.STALL && mock.faults.closeAfterStall()) {
      ctx.close();
      return;
    }
    ByteBuf body = ctx.alloc().directBuffer(512 + mock.text.length(answer.completion().tokens()));
    if (answer.api() == Api.ANTHROPIC) {
      AnthropicFormat.writeMessage(body, answer.completion(), mock.text);
    } else {
      OpenAiFormat.writeCompletion(body, answer.completion(), mock.text);
    }
    if (answer.fault() == FaultKind.MID_STREAM_DISCONNECT) {
      sendHalfAndClose(body);
      return;
    }
    if (answer.fault() == FaultKind.MALFORMED_BODY) {
      body.writerIndex(body.writerIndex() / 2).writeCharSequence("<truncated", StandardCharsets.US_ASCII);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    Responses.send(ctx, mock.counters, response, answer.keepAlive());
    answer.owner().answered(ctx);
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

  /** Runs {@link #run()} at {@code offsetNanos} after arrival: now if already due. */
  private void at(long offsetNanos) {
    long delayNanos = answer.startNanos() + offsetNanos - System.nanoTime();
    if (delayNanos <= 0) {
      run();
    } else {
      ctx.executor().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }
  }
}
