package dev.gatebench.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Plays out one answer on the connection's event loop: waits with scheduled tasks (never a
 * sleeping thread), writes and flushes each delta, and injects the in-answer faults half-way.
 */
final class Exchange {

  private static final byte[] BROKEN_EVENT = "data: {\"type\":\"content_block_delta\",\"delta\":{\"te\n\n"
      .getBytes(StandardCharsets.US_ASCII);

  private final ChannelHandlerContext ctx;
  private final UpstreamHandler owner;
  private final MockContext mock;
  private final Api api;
  private final Completion completion;
  private final Timing timing;
  private final FaultKind fault;
  private final boolean keepAlive;
  private final long startNanos;
  private final int faultAt;
  private long shiftNanos;
  private int sent;

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
    this.faultAt = Math.max(1, completion.tokens() / 2);
  }

  void start(boolean stream) {
    if (stream) {
      at(timing.offsetNanos(0), this::streamFirst);
    } else {
      long stall = fault == FaultKind.STALL ? mock.faults.stall().toNanos() : 0;
      at(timing.offsetNanos(completion.tokens() - 1) + stall, this::sendWhole);
    }
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

  private void streamFirst() {
    if (!ctx.channel().isActive()) {
      return;
    }
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.EVENT_STREAM)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    if (!keepAlive) {
      head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    mock.counters.response(200);
    ctx.write(head);
    ByteBuf buf = ctx.alloc().directBuffer(1024);
    if (api == Api.ANTHROPIC) {
      AnthropicFormat.writeStreamStart(buf, completion);
    }
    writeDelta(buf);
    ctx.writeAndFlush(new DefaultHttpContent(buf));
    next();
  }

  private void streamNext() {
    if (!ctx.channel().isActive()) {
      return;
    }
    ByteBuf buf = ctx.alloc().directBuffer(256);
    writeDelta(buf);
    // Deltas already due (zero or tiny ITL) go out in the same write.
    while (sent < completion.tokens() && sent != faultAt && dueInNanos(sent) <= 0) {
      writeDelta(buf);
    }
    ctx.writeAndFlush(new DefaultHttpContent(buf));
    next();
  }

  private void writeDelta(ByteBuf buf) {
    byte[] piece = mock.text.piece(sent);
    if (api == Api.ANTHROPIC) {
      AnthropicFormat.writeDelta(buf, piece);
    } else {
      OpenAiFormat.writeDelta(buf, completion, piece, sent == 0);
    }
    sent++;
  }

  private void next() {
    if (sent == completion.tokens()) {
      finish();
      return;
    }
    if (sent == faultAt && fault != null && !injectInStream()) {
      return;
    }
    at(shiftNanos + timing.offsetNanos(sent), this::streamNext);
  }

  /** Injects the fault due half-way; false when the answer ends here. */
  private boolean injectInStream() {
    switch (fault) {
      case MID_STREAM_DISCONNECT -> {
        ctx.close();
        return false;
      }
      case STALL -> {
        if (mock.faults.closeAfterStall()) {
          ctx.executor().schedule(() -> ctx.close(), mock.faults.stall().toNanos(), TimeUnit.NANOSECONDS);
          return false;
        }
        shiftNanos += mock.faults.stall().toNanos();
        return true;
      }
      case MALFORMED_BODY -> {
        ctx.writeAndFlush(new DefaultHttpContent(ctx.alloc().directBuffer(64).writeBytes(BROKEN_EVENT)));
        return true;
      }
      default -> {
        return true;
      }
    }
  }

  private void finish() {
    ByteBuf buf = ctx.alloc().directBuffer(512);
    if (api == Api.ANTHROPIC) {
      AnthropicFormat.writeStreamEnd(buf, completion);
    } else {
      OpenAiFormat.writeStreamEnd(buf, completion);
    }
    var done = ctx.writeAndFlush(new DefaultLastHttpContent(buf));
    if (!keepAlive) {
      done.addListener(ChannelFutureListener.CLOSE);
    }
    owner.answered(ctx);
  }

  private long dueInNanos(int index) {
    return startNanos + shiftNanos + timing.offsetNanos(index) - System.nanoTime();
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
