package dev.gatebench.contention;

import dev.gatebench.load.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prompts of growing size, each at the same constant arrival rate: what a row adds over Direct as
 * the body grows. Immutable; {@link #size} returns a copy with one more size.
 *
 * @param rate requests per second at each size, >= 1; e.g. 5
 * @param duration how long each size is offered, >= 1 s; e.g. 20 s
 * @param maxTokens {@code max_tokens} of every request, >= 1; the answers stay short so the prompt dominates
 * @param sizes the prompt sizes in ascending order, each with its bound
 */
public record PayloadPlan(long rate, Duration duration, int maxTokens, List<Size> sizes) {
  /** Scaled sizes never last less than this. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(3);

  /**
   * One prompt size and how much a row's p99 may exceed Direct's at that size.
   *
   * @param promptTokens >= 16; e.g. 100_000 (about 400 kB of JSON)
   * @param bound > 0; e.g. 200 ms
   */
  public record Size(int promptTokens, Duration bound) {
    public Size {
      if (promptTokens < 16) throw new IllegalArgumentException("payload size must be >= 16 tokens but was " + promptTokens);
      Objects.requireNonNull(bound, "bound");
      if (bound.isNegative() || bound.isZero()) {
        throw new IllegalArgumentException("payload bound of " + promptTokens + " tokens must be > 0 but was " + bound);
      }
    }
  }

  public PayloadPlan {
    OpenLoad.requireValid("payload", rate, duration, Duration.ofSeconds(1));
    if (maxTokens < 1) throw new IllegalArgumentException("payload maxTokens must be >= 1 but was " + maxTokens);
    sizes = List.copyOf(sizes);
    for (int i = 1; i < sizes.size(); i++) {
      if (sizes.get(i).promptTokens() <= sizes.get(i - 1).promptTokens()) {
        throw new IllegalArgumentException("payload sizes must ascend but " + sizes.get(i).promptTokens()
            + " follows " + sizes.get(i - 1).promptTokens() + "; declare them smallest first");
      }
    }
  }

  /** {@code rate}/s for {@code duration} a size, 10-token answers, no sizes yet. */
  public static PayloadPlan of(long rate, Duration duration) {
    return new PayloadPlan(rate, duration, 10, List.of());
  }

  /** A copy with one more size, larger than the last, e.g. {@code size(100_000, ofMillis(200))}. */
  public PayloadPlan size(int promptTokens, Duration bound) {
    List<Size> more = new ArrayList<>(sizes);
    more.add(new Size(promptTokens, bound));
    return new PayloadPlan(rate, duration, maxTokens, more);
  }

  /** Each size {@code timeScale} times as long, never below {@link #MIN_DURATION}. */
  public PayloadPlan scaled(double timeScale) {
    return new PayloadPlan(rate, OpenLoad.scaled(duration, timeScale, MIN_DURATION), maxTokens, sizes);
  }

  /** One size's load: an open model at {@link #rate()}. */
  public Scenario scenario() {
    return OpenLoad.scenario(rate, duration);
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("rate", rate);
    map.put("durationMs", duration.toMillis());
    map.put("maxTokens", maxTokens);
    return map;
  }
}
