package dev.gatebench.contention;

import dev.gatebench.load.Scenario;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Short requests at a constant arrival rate, first alone, then while long streams run beside them:
 * how much a row lets long work delay short work. Immutable; {@code withX} returns a copy.
 *
 * @param shortRate short requests per second, >= 1; e.g. 10
 * @param duration how long the short requests are offered in each phase, >= 1 s; e.g. 60 s
 * @param shortTokens {@code max_tokens} of a short request, >= 1; e.g. 5
 * @param longStreams streams running at once in the second phase (closed model: each starts again as it ends), >= 1
 * @param longPromptTokens prompt size of a long stream in tokens, >= 16; e.g. 30_000 (about 120 kB)
 * @param longTokens {@code max_tokens} of a long stream, >= 1; the mock answers at most its configured length
 * @param bound how much more a row's short-request p99 may rise with the long streams than Direct's does, > 0
 */
public record HeadOfLinePlan(long shortRate, Duration duration, int shortTokens, int longStreams,
    int longPromptTokens, int longTokens, Duration bound) {
  /** Scaled phases never last less than this: a p99 needs some requests. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(3);
  /** The long streams start this long before the short requests and end this long after them. */
  static final Duration LEAD = Duration.ofSeconds(1);

  public HeadOfLinePlan {
    if (shortRate < 1) throw new IllegalArgumentException("head-of-line shortRate must be >= 1 but was " + shortRate);
    Objects.requireNonNull(duration, "duration");
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("head-of-line duration must be >= 1s but was " + duration);
    }
    if (shortTokens < 1 || longTokens < 1) {
      throw new IllegalArgumentException("head-of-line max_tokens must be >= 1 but were short " + shortTokens
          + ", long " + longTokens);
    }
    if (longStreams < 1) throw new IllegalArgumentException("head-of-line longStreams must be >= 1 but was " + longStreams);
    if (longPromptTokens < 16) {
      throw new IllegalArgumentException("head-of-line longPromptTokens must be >= 16 but was " + longPromptTokens);
    }
    Objects.requireNonNull(bound, "bound");
    if (bound.isNegative() || bound.isZero()) throw new IllegalArgumentException("head-of-line bound must be > 0 but was " + bound);
  }

  /** 10 short requests/s of 5 tokens for 60 s per phase; 4 streams of a 30k-token prompt; bound 100 ms. */
  public static HeadOfLinePlan standard() {
    return new HeadOfLinePlan(10, Duration.ofSeconds(60), 5, 4, 30_000, 100, Duration.ofMillis(100));
  }

  public HeadOfLinePlan withShortRate(long rate) {
    return new HeadOfLinePlan(rate, duration, shortTokens, longStreams, longPromptTokens, longTokens, bound);
  }

  public HeadOfLinePlan withDuration(Duration value) {
    return new HeadOfLinePlan(shortRate, value, shortTokens, longStreams, longPromptTokens, longTokens, bound);
  }

  public HeadOfLinePlan withLongStreams(int streams, int promptTokens, int maxTokens) {
    return new HeadOfLinePlan(shortRate, duration, shortTokens, streams, promptTokens, maxTokens, bound);
  }

  public HeadOfLinePlan withBound(Duration value) {
    return new HeadOfLinePlan(shortRate, duration, shortTokens, longStreams, longPromptTokens, longTokens, value);
  }

  /** Each phase {@code timeScale} times as long, never below {@link #MIN_DURATION}. */
  public HeadOfLinePlan scaled(double timeScale) {
    if (!(timeScale > 0)) throw new IllegalArgumentException("timeScale must be > 0 but was " + timeScale);
    Duration scaled = Duration.ofNanos(Math.round(duration.toNanos() * timeScale));
    return withDuration(scaled.compareTo(MIN_DURATION) < 0 ? MIN_DURATION : scaled);
  }

  /** The short requests of one phase: an open model, so a stalled row is charged for every late start. */
  public Scenario shortScenario() {
    int vus = (int) Math.max(8, shortRate * 4);
    return Scenario.constantArrivalRate(shortRate, Duration.ofSeconds(1), duration).preAllocatedVus(vus)
        .maxVus(vus * 4).gracefulStop(Duration.ofSeconds(30));
  }

  /** The long streams: running from {@link #LEAD} before the short requests to {@link #LEAD} after. */
  public Scenario longScenario() {
    return Scenario.constantVus(longStreams, duration.plus(LEAD.multipliedBy(2))).gracefulStop(Duration.ofSeconds(60));
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("shortRate", shortRate);
    map.put("durationMs", duration.toMillis());
    map.put("shortTokens", shortTokens);
    map.put("longStreams", longStreams);
    map.put("longPromptTokens", longPromptTokens);
    map.put("longTokens", longTokens);
    map.put("boundMs", bound.toMillis());
    return map;
  }
}
