package dev.gatebench.upstream;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * When each content token of one answer is due, as nanoseconds after the request arrived.
 * Due times are absolute offsets so that scheduling late for one token does not delay the rest.
 */
final class Timing {

  private final long ttftNanos;
  private final long itlNanos;
  private final long[] offsetsNanos;

  private Timing(long ttftNanos, long itlNanos, long[] offsetsNanos) {
    this.ttftNanos = ttftNanos;
    this.itlNanos = itlNanos;
    this.offsetsNanos = offsetsNanos;
  }

  static Timing of(MockContext mock, HttpHeaders headers, long sequence, int tokens) throws BadRequestException {
    SplittableRandom random = Seeds.latency(mock.seed, sequence);
    Delay ttft = override(headers, Headers.TTFT_MS, mock.latency.ttft());
    Delay itl = override(headers, Headers.ITL_MS, mock.latency.itl());
    long ttftNanos = ttft.sampleNanos(random);
    if (itl instanceof Delay.Fixed fixed) {
      return new Timing(ttftNanos, fixed.delay().toNanos(), null);
    }
    long[] offsets = new long[tokens];
    offsets[0] = ttftNanos;
    for (int i = 1; i < tokens; i++) {
      offsets[i] = offsets[i - 1] + itl.sampleNanos(random);
    }
    return new Timing(ttftNanos, 0, offsets);
  }

  /** Nanoseconds after arrival at which token {@code index} (0-based) is due. */
  long offsetNanos(int index) {
    return offsetsNanos == null ? ttftNanos + index * itlNanos : offsetsNanos[index];
  }

  private static Delay override(HttpHeaders headers, String name, Delay configured) throws BadRequestException {
    String value = headers.get(name);
    if (value == null) {
      return configured;
    }
    try {
      double millis = Double.parseDouble(value.trim());
      if (millis >= 0 && millis <= Duration.ofHours(1).toMillis()) {
        return Delay.fixed(Duration.ofNanos(Math.round(millis * 1_000_000)));
      }
    } catch (NumberFormatException e) {
      // answered below with the rule
    }
    throw new BadRequestException(400, name + " must be a number of milliseconds in [0, 3600000] but was '" + value + "'");
  }
}
