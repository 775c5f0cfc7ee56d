package dev.gatebench.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Plays out one streamed answer on the connection's event loop, as the real APIs do: the headers
 * and the opening events (Anthropic {@code message_start}, {@code content_block_start},
 * {@code ping}; OpenAI the chunk with the role) at once when the request arrives, the first
 * content delta at TTFT, each further one at its due time, then the closing events with usage.
 * Waits with scheduled tasks, never a sleeping thread; injects the in-stream faults half-way. It is
 * its own scheduled task, so that a stream allocates nothing to wait.
 */
final class SseStream implements Runnable {

  private static final byte[] BROKEN_EVENT = "data: {\"type\":\"content_block_delta\",\"delta\":{\"te\n\n"
      .getBytes(StandardCharsets.US_ASCII);

  private final Answer answer;
  private final ChannelHandlerContext ctx;
  private final MockContext mock;
  private final Api api;
  private final Completion completion;
  private final int faultAt;
  private long shiftNanos;
  private int sent;

  SseStream(Answer answer) {
    this.answer = answer;
    this.ctx = answer.ctx();
    this.mock = answer.mock();
    this.api = answer.api();
    this.completion = answer.completion();
    this.faultAt = Math.max(1, completion.tokens() / 2);
  }

  /** Sends the headers and opening events now and schedules the first delta. */
  void start() {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, Responses.EVENT_STREAM)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    if (!answer.keepAlive()) {
      head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    mock.counters.response(200);
    mock.counters.streamOpened();
    ctx.write(head);
    ByteBuf buf = ctx.alloc().directBuffer(512);
    if (api == Api.ANTHROPIC) {
      AnthropicFormat.writeStreamStart(buf, completion);
    } else {
      OpenAiFormat.writeStreamStart(buf, completion);
    }
    ctx.writeAndFlush(new DefaultHttpContent(buf));
    scheduleNext();
  }

  /** Writes every delta that is due, in one write, then waits for the next. */
  @Override
  public void run() {
    if (!ctx.channel().isActive()) {
      return;
    }
    int from = sent;
    ByteBuf buf = ctx.alloc().directBuffer(256);
    // Deltas already due (zero or tiny ITL, or a late wake-up) go out in the same write.
    do {
      writeDelta(buf);
    } while (sent < completion.tokens() && sent != faultAt && dueInNanos(sent) <= 0);
    ctx.writeAndFlush(new DefaultHttpContent(buf));
    long writtenNanos = System.nanoTime();
    for (int i = from; i < sent; i++) {
      mock.lateness.record(i == 0, writtenNanos - dueNanos(i));
    }
    next();
  }

  private void writeDelta(ByteBuf buf) {
    byte[] piece = mock.text.piece(sent);
    if (api == Api.ANTHROPIC) {
      AnthropicFormat.writeDelta(buf, piece);
    } else {
      OpenAiFormat.writeDelta(buf, completion, piece);
    }
    sent++;
    mock.counters.contentDelta();
  }

  private void next() {
    if (sent == completion.tokens()) {
      finish();
    } else if (sent != faultAt || answer.fault() == null || injectFault()) {
      scheduleNext();
    }
  }

  /** Injects the fault due half-way; false when the answer ends here. */
  private boolean injectFault() {
    switch (answer.fault()) {
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
    mock.counters.streamFinished(api == Api.ANTHROPIC || completion.includeUsage() ? completion.tokens() : -1);
    if (!answer.keepAlive()) {
      done.addListener(ChannelFutureListener.CLOSE);
    }
    answer.owner().answered(ctx);
  }

  private long dueNanos(int index) {
    return answer.startNanos() + shiftNanos + answer.timing().offsetNanos(index);
  }

  private long dueInNanos(int index) {
    return dueNanos(index) - System.nanoTime();
  }

  /** Runs {@link #run()} when the next delta is due: now if it already is. */
  private void scheduleNext() {
    long delayNanos = dueInNanos(sent);
    if (delayNanos <= 0) {
      run();
    } else {
      ctx.executor().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }
  }
}
