package dev.gatebench.contention;

import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs one row's head-of-line measurement through {@link Loads}: the short requests alone ({@link #alone}),
 * then ({@link #beside}) the long streams started, {@link HeadOfLinePlan#LEAD} later the same short requests again, and the long streams
 * ended {@link HeadOfLinePlan#LEAD} after them. The long streams run on a thread of their own (not the
 * common pool, whose one worker on two cores others need).
 */
public final class HeadOfLine {
  private final HeadOfLinePlan plan;

  /** @param plan already scaled */
  public HeadOfLine(HeadOfLinePlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  /** What runs against the row. */
  public interface Loads {
    /** The short requests of one phase: whole answers of {@link HeadOfLinePlan#shortTokens()} tokens. */
    RunResult shortRequests(Scenario scenario, boolean contended);

    /** The long streams: {@code stream: true}, a {@link HeadOfLinePlan#longPromptTokens()} prompt. */
    RunResult longStreams(Scenario scenario);
  }

  /**
   * The second phase's runs and the row's result.
   *
   * @param contended the short requests while long streams ran
   * @param longStreams the long streams' run
   */
  public record Outcome(RunResult contended, RunResult longStreams, HeadOfLineResult result) {}

  /** The first phase: the short requests alone. */
  public RunResult alone(Loads loads) {
    return loads.shortRequests(plan.shortScenario(), false);
  }

  /**
   * The second phase, judged with the first: the short requests beside the long streams.
   *
   * @param direct Direct's result, whose rise the row's is compared with; empty for Direct itself
   */
  public Outcome beside(RunResult alone, Loads loads, Optional<HeadOfLineResult> direct) {
    CompletableFuture<RunResult> longRun = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("gatebench-long-streams").start(() -> {
      try {
        longRun.complete(loads.longStreams(plan.longScenario()));
      } catch (Throwable e) {
        longRun.completeExceptionally(e);
      }
    });
    sleep(HeadOfLinePlan.LEAD);
    RunResult contended = loads.shortRequests(plan.shortScenario(), true);
    RunResult longStreams = join(longRun);
    HeadOfLineResult result = new HeadOfLineResult(plan, LatencyFigures.of(alone), LatencyFigures.of(contended),
        LatencyFigures.of(longStreams), direct.map(HeadOfLineResult::rise));
    return new Outcome(contended, longStreams, result);
  }

  private static RunResult join(CompletableFuture<RunResult> run) {
    try {
      return run.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted before the short requests beside the long streams", e);
    }
  }
}
