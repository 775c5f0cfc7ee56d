package dev.gatebench.faults;

import dev.gatebench.load.Scenario;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.upstream.Marks;
import dev.gatebench.upstream.MockCounters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Invalid keys at a fixed rate beside valid traffic, against one row: the valid scenario alone, then again
 * while the flood runs; every request is marked in its prompt ({@link Marks}) so that the mock counts the
 * invalid ones that reached it, which a gateway that checks keys never lets through. Not thread-safe.
 */
public final class KeyFlood {
  static final String VALID_MARK = "keyflood.valid";
  static final String INVALID_MARK = "keyflood.invalid";
  /** A key no gateway issued; shaped like a real one so that a gateway's key parser takes it. */
  static final String INVALID_KEY = "sk-gatebench-invalid-0000000000";
  private static final Set<String> KEY_HEADERS = Set.of("authorization", "x-api-key", "api-key");
  private static final String PROMPT = " What is the capital of France?";

  /** Drives one scenario against a target with these prompts; e.g. the load engine. */
  @FunctionalInterface
  public interface Driver {
    RunResult run(String name, Target target, Scenario scenario, List<String> prompts);
  }

  /**
   * The load shapes: valid traffic, run alone then beside the flood, and the flood.
   *
   * @param valid e.g. 5/s for 30 s
   * @param flood e.g. 50/s for 30 s
   */
  public record Shape(Scenario valid, Scenario flood) {
    public Shape {
      Objects.requireNonNull(valid, "valid");
      Objects.requireNonNull(flood, "flood");
    }

    /** Both scaled, e.g. by {@code gatebench.timeScale}. */
    public Shape scaled(double timeScale) {
      return new Shape(valid.scaled(timeScale), flood.scaled(timeScale));
    }
  }

  /** The three runs (valid alone, valid during the flood, the flood itself) and the judgement. */
  public record Outcome(RunResult quiet, RunResult flooded, RunResult flood, KeyFloodResult result) {}

  private KeyFlood() {}

  /**
   * The row's headers with each credential ({@code Authorization}, {@code x-api-key}, {@code api-key}) made
   * invalid; empty when the row sends none, so has no keys to flood.
   */
  public static Optional<Map<String, String>> invalidHeaders(Map<String, String> valid) {
    Map<String, String> invalid = new LinkedHashMap<>(valid);
    boolean any = false;
    for (String name : valid.keySet()) {
      if (!KEY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) continue;
      invalid.put(name, name.equalsIgnoreCase("authorization") ? "Bearer " + INVALID_KEY : INVALID_KEY);
      any = true;
    }
    return any ? Optional.of(invalid) : Optional.empty();
  }

  /**
   * @param valid the row with its real credentials
   * @param invalid the same row with {@link #invalidHeaders} of them
   * @param counters the mock's; reset before each phase
   * @param name the runs' name: {@code <name>-quiet} alone, {@code <name>} during the flood
   * @param driver runs valid traffic
   * @param background runs the flood, e.g. without progress lines
   */
  public static Outcome run(Target valid, Target invalid, MockCounters counters, Shape shape, String name,
      Driver driver, Driver background) {
    List<String> validPrompts = List.of(Marks.text(VALID_MARK) + PROMPT);
    counters.reset();
    RunResult quiet = driver.run(name + "-quiet", valid, shape.valid(), validPrompts);
    counters.reset();
    CompletableFuture<RunResult> flood = CompletableFuture.supplyAsync(() -> background.run(name + "-flood", invalid,
        shape.flood(), List.of(Marks.text(INVALID_MARK) + PROMPT)), task -> Thread.ofPlatform().daemon()
        .name("key-flood").start(task)); // not the common pool: on 2 cores it has one worker
    RunResult flooded = driver.run(name, valid, shape.valid(), validPrompts);
    RunResult flooding = flood.join();
    ErrorCases.settle();
    KeyFloodResult result = KeyFloodResult.of(quiet, flooded, flooding, counters.marked(INVALID_MARK),
        counters.marked(VALID_MARK));
    return new Outcome(quiet, flooded, flooding, result);
  }
}
