package dev.gatebench.upstream;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Small helpers to write pre-encoded JSON fragments into a buffer. */
final class Bytes {

  private Bytes() {}

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static void writeLong(ByteBuf buf, long value) {
    if (value >= 0 && value < 10) {
      buf.writeByte('0' + (int) value);
      return;
    }
    buf.writeCharSequence(Long.toString(value), StandardCharsets.US_ASCII);
  }
}
