package dev.gatebench.load;

import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.MetricsCollector;
import dev.gatebench.metrics.ProgressReporter;
import dev.gatebench.metrics.RequestOutcome;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Thresholds;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one place the load engine meets gatebench's {@link MetricsCollector}, {@link Thresholds} and
 * {@link ProgressReporter}; everything else in this package talks to the small interfaces
 * {@link RunCollector}, {@link RunChecks} and {@link RunProgress}.
 */
public final class StandardMetrics {
  private StandardMetrics() {}

  /** A runner recording into a {@link MetricsCollector} and printing progress to {@code progressOut}. */
  public static LoadRunner runner(LoadEngine engine, PrintStream progressOut) {
    return new LoadRunner(engine, StandardMetrics::collector, progress(new ProgressReporter(progressOut)));
  }

  /** A runner recording into a {@link MetricsCollector}, silent. */
  public static LoadRunner runner(LoadEngine engine) {
    return new LoadRunner(engine, StandardMetrics::collector, RunProgress.SILENT);
  }

  /** k6 thresholds as the runner checks them: abortOnFail each second, all of them on the result. */
  public static RunChecks checks(Thresholds thresholds) {
    return new RunChecks() {
      @Override
      public List<String> abortingFailures(Map<String, MetricSummary> live, Duration elapsed) {
        return thresholds.abortingFailures(live, elapsed);
      }

      @Override
      public RunResult evaluate(RunResult result) {
        return thresholds.evaluate(result);
      }
    };
  }

  static RunProgress progress(ProgressReporter reporter) {
    return new RunProgress() {
      @Override
      public void onInterval(IntervalStats second, Duration elapsed, Duration total) {
        reporter.onInterval(second, elapsed, total);
      }

      @Override
      public void finish() {
        reporter.finish();
      }

      @Override
      public void aborted(String line) {
        reporter.aborted(line);
      }
    };
  }

  static RunCollector collector(long startNanos) {
    return new CollectorAdapter(new MetricsCollector(startNanos));
  }

  /** Delegates every call; MetricsCollector is final and lives in another package. */
  private record CollectorAdapter(MetricsCollector delegate) implements RunCollector {
    @Override
    public void record(RequestOutcome outcome) {
      delegate.record(outcome);
    }

    @Override
    public void requestStarted() {
      delegate.requestStarted();
    }

    @Override
    public void droppedIteration() {
      delegate.droppedIteration();
    }

    @Override
    public void vus(int active, int allocated) {
      delegate.vus(active, allocated);
    }

    @Override
    public IntervalStats closeInterval(long nowNanos) {
      return delegate.closeInterval(nowNanos);
    }

    @Override
    public Map<String, MetricSummary> summaries() {
      return delegate.summaries();
    }

    @Override
    public RunResult toResult(String suite, String target, Instant startedAt, long durationNanos,
        Map<String, Object> scenario, Map<String, String> config, Map<String, Object> environment) {
      return delegate.toResult(suite, target, startedAt, durationNanos, scenario, config, environment);
    }
  }
}
