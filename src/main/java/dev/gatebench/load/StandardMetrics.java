package dev.gatebench.load;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.MetricsCollector;
import dev.gatebench.metrics.ProgressReporter;
import dev.gatebench.metrics.ProgressTick;
import dev.gatebench.metrics.RecentWindow;
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

  /**
   * A runner recording into a {@link MetricsCollector} and printing progress to {@code progressOut},
   * its generator checked against {@code gatebench.generator.maxLag} of {@code config}.
   *
   * @throws dev.gatebench.config.BenchConfigException when {@code gatebench.generator.maxLag} is invalid
   */
  public static LoadRunner runner(LoadEngine engine, PrintStream progressOut, BenchConfig config) {
    return new LoadRunner(engine, StandardMetrics::collector, progress(new ProgressReporter(progressOut)),
        GeneratorCheck.of(config));
  }

  /** As {@link #runner(LoadEngine, PrintStream, BenchConfig)} with this JVM's configuration ({@link BenchConfig#load()}). */
  public static LoadRunner runner(LoadEngine engine, PrintStream progressOut) {
    return runner(engine, progressOut, BenchConfig.load());
  }

  /** A runner recording into a {@link MetricsCollector}, silent, its generator checked against {@link GeneratorCheck#DEFAULT}. */
  public static LoadRunner runner(LoadEngine engine) {
    return new LoadRunner(engine, StandardMetrics::collector, RunProgress.SILENT);
  }

  /** k6 thresholds as the runner checks them: abortOnFail each second, all of them on the result. */
  public static RunChecks checks(Thresholds thresholds) {
    return new RunChecks() {
      @Override
      public boolean canAbort() {
        return thresholds.anyAbortOnFail();
      }

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
      public void onTick(ProgressTick tick) {
        reporter.onTick(tick);
      }

      @Override
      public void finish() {
        reporter.finish();
      }

      @Override
      public void aborted(String line) {
        reporter.note(line);
      }

      @Override
      public void untrustworthy(String line) {
        reporter.note(line);
      }
    };
  }

  static RunCollector collector(long startNanos) {
    return new CollectorAdapter(new MetricsCollector(startNanos));
  }

  /** Delegates every call; MetricsCollector is final and lives in another package. */
  private record CollectorAdapter(MetricsCollector delegate) implements RunCollector, ForwardingSink {
    @Override
    public RecentWindow recentWindow() {
      return delegate.recentWindow();
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
