package dev.gatebench.metrics;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/** HdrHistogram's compressed encoding in base64: lossless and a few KB per histogram. Stateless. */
final class HistogramCodec {
  private HistogramCodec() {}

  static String encode(AbstractHistogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** @throws IllegalArgumentException when {@code base64} is not an encoded histogram */
  static Histogram decode(String base64) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
      return Histogram.decodeFromCompressedByteBuffer(buffer, 0);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not a base64 compressed HdrHistogram: " + e.getMessage(), e);
    }
  }
}
