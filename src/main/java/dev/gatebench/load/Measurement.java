package dev.gatebench.load;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.RequestOutcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * The timings and body of the one request a VU has in flight, reused from request to request.
 * Confined to the VU's event-loop thread. Streamed answers are read line by line as SSE; whole
 * bodies are kept (in one reused buffer) and parsed at the end.
 */
final class Measurement {
  private static final int INITIAL_BUFFER_BYTES = 1024;

  private final ByteBuf buffer = Unpooled.buffer(INITIAL_BUFFER_BYTES);
  private long[] gapsNanos = new long[32];
  private int gapCount;
  private long intendedStartNanos;
  private long startNanos;
  private long firstByteNanos;
  private long firstTokenNanos;
  private long lastTokenNanos;
  private int deltas;
  private int usageTokens;
  private int status;
  private boolean streaming;
  private boolean done;
  private boolean choicesSeen;
  private boolean streamMalformed;

  void begin(long intendedStartNanos, long startNanos, boolean streaming) {
    this.intendedStartNanos = intendedStartNanos;
    this.startNanos = startNanos;
    this.streaming = streaming;
    firstByteNanos = RequestOutcome.UNSET;
    firstTokenNanos = RequestOutcome.UNSET;
    gapCount = 0;
    deltas = 0;
    usageTokens = -1;
    status = 0;
    done = false;
    choicesSeen = false;
    streamMalformed = false;
    buffer.clear();
  }

  void head(int status, long nowNanos) {
    this.status = status;
    if (firstByteNanos == RequestOutcome.UNSET) firstByteNanos = nowNanos;
  }

  void content(ByteBuf content, long nowNanos) {
    if (status != 200) return;
    buffer.writeBytes(content);
    if (streaming) readLines(nowNanos);
  }

  /** Why the complete response fails the k6 check, or null if it passes. */
  ErrorKind verdict() {
    if (status != 200) return ErrorKind.HTTP_STATUS;
    if (streaming) return streamMalformed || !done || !choicesSeen ? ErrorKind.MALFORMED_STREAM : null;
    int tokens = CompletionParser.body(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(),
        buffer.readableBytes());
    if (tokens < 0) return ErrorKind.MALFORMED_BODY;
    usageTokens = tokens;
    return null;
  }

  RequestOutcome outcome(long endNanos, ErrorKind error) {
    if (error != null && error != ErrorKind.HTTP_STATUS && error != ErrorKind.MALFORMED_BODY
        && error != ErrorKind.MALFORMED_STREAM) {
      return RequestOutcome.failed(intendedStartNanos, startNanos, endNanos, status, error);
    }
    int tokens = usageTokens >= 0 ? usageTokens : deltas;
    long[] gaps = gapCount == 0 ? null : Arrays.copyOf(gapsNanos, gapCount);
    return new RequestOutcome(intendedStartNanos, startNanos, firstByteNanos, firstTokenNanos, endNanos, gaps,
        tokens, status, error);
  }

  private void readLines(long nowNanos) {
    int newline;
    while ((newline = buffer.indexOf(buffer.readerIndex(), buffer.writerIndex(), (byte) '\n')) >= 0) {
      int end = newline;
      if (end > buffer.readerIndex() && buffer.getByte(end - 1) == '\r') end--;
      line(buffer.readerIndex(), end - buffer.readerIndex(), nowNanos);
      buffer.readerIndex(newline + 1);
    }
    buffer.discardReadBytes();
  }

  private void line(int index, int length, long nowNanos) {
    if (length < 5 || !startsWithData(index)) return;
    int from = index + 5;
    if (length > 5 && buffer.getByte(from) == ' ') from++;
    int payloadLength = index + length - from;
    if (payloadLength == 6 && isDone(from)) {
      done = true;
      return;
    }
    long chunk = CompletionParser.chunk(buffer.array(), buffer.arrayOffset() + from, payloadLength);
    int flags = CompletionParser.flags(chunk);
    if ((flags & CompletionParser.CHUNK_MALFORMED) != 0) streamMalformed = true;
    if ((flags & CompletionParser.HAS_CHOICES) != 0) choicesSeen = true;
    if ((flags & CompletionParser.HAS_CONTENT) != 0) token(nowNanos);
    if (CompletionParser.tokens(chunk) >= 0) usageTokens = CompletionParser.tokens(chunk);
  }

  private void token(long nowNanos) {
    deltas++;
    if (firstTokenNanos == RequestOutcome.UNSET) {
      firstTokenNanos = nowNanos;
    } else {
      if (gapCount == gapsNanos.length) gapsNanos = Arrays.copyOf(gapsNanos, gapCount * 2);
      gapsNanos[gapCount++] = nowNanos - lastTokenNanos;
    }
    lastTokenNanos = nowNanos;
  }

  private boolean startsWithData(int index) {
    return buffer.getByte(index) == 'd' && buffer.getByte(index + 1) == 'a' && buffer.getByte(index + 2) == 't'
        && buffer.getByte(index + 3) == 'a' && buffer.getByte(index + 4) == ':';
  }

  private boolean isDone(int index) {
    return buffer.getByte(index) == '[' && buffer.getByte(index + 1) == 'D' && buffer.getByte(index + 2) == 'O'
        && buffer.getByte(index + 3) == 'N' && buffer.getByte(index + 4) == 'E' && buffer.getByte(index + 5) == ']';
  }
}
