package dev.gatebench.metrics;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A live progress line, e.g. {@code [  12s / 1m30s] vus 10 | 34.0 req/s | p50 412 ms p95 980 ms | errors 0 (0.0%)}.
 * On a terminal it redraws one line in place each second; in CI or a piped log it prints a plain
 * line every {@link #DEFAULT_PLAIN_EVERY} and at the end, so logs stay short.
 *
 * <p>Called from the runner's one interval thread; not thread-safe.
 */
public final class ProgressReporter {
  /** How often a non-interactive log gets a line. */
  public static final Duration DEFAULT_PLAIN_EVERY = Duration.ofSeconds(10);
  private static final String CLEAR_LINE = "\r\u001b[2K";

  private final PrintStream out;
  private final boolean interactive;
  private final Duration plainEvery;
  private long errorsSoFar;
  private long requestsSoFar;
  private long nextPlainSeconds;
  private boolean lineOpen;

  /** Interactive when {@link System#console()} is present and the {@code CI} variable is unset. */
  public ProgressReporter(PrintStream out) {
    this(out, System.console() != null && System.getenv("CI") == null, DEFAULT_PLAIN_EVERY);
  }

  /** @param plainEvery > 0; how often a non-interactive log gets a line, e.g. 10 s */
  public ProgressReporter(PrintStream out, boolean interactive, Duration plainEvery) {
    if (plainEvery.isNegative() || plainEvery.isZero()) {
      throw new IllegalArgumentException("plainEvery must be > 0 but was " + plainEvery);
    }
    this.out = out;
    this.interactive = interactive;
    this.plainEvery = plainEvery;
  }

  /**
   * Reports one closed interval.
   *
   * @param elapsed run time so far
   * @param total planned run time; zero when unknown (shown as {@code ?})
   */
  public void onInterval(IntervalStats s, Duration elapsed, Duration total) {
    errorsSoFar += s.errors();
    requestsSoFar += s.requests();
    String line = line(s, elapsed, total);
    if (interactive) {
      out.print(CLEAR_LINE + line);
      lineOpen = true;
    } else if (elapsed.toSeconds() >= nextPlainSeconds || (total.isPositive() && elapsed.compareTo(total) >= 0)) {
      out.println(line);
      nextPlainSeconds = elapsed.toSeconds() + plainEvery.toSeconds();
    }
    out.flush();
  }

  /** Ends the redrawn line so that what follows starts on its own line; safe to call twice. */
  public void finish() {
    if (lineOpen) out.println();
    lineOpen = false;
    out.flush();
  }

  /** Prints why the run is ending early on a line of its own, whether or not the output is a terminal. */
  public void aborted(String line) {
    finish();
    out.println(line);
    out.flush();
  }

  String line(IntervalStats s, Duration elapsed, Duration total) {
    double errorPercent = requestsSoFar == 0 ? 0 : 100.0 * errorsSoFar / requestsSoFar;
    return String.format(Locale.ROOT, "[%6s / %s] vus %d | %.1f req/s | p50 %s p95 %s | errors %d (%.1f%%)",
        clock(elapsed), total.isPositive() ? clock(total) : "?", s.activeVus(), (double) s.requests(), ms(s.latencyP50Ms()),
        ms(s.latencyP95Ms()), errorsSoFar, errorPercent);
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f ms", value);
  }

  /** {@code 45s}, {@code 1m30s}, {@code 1h02m03s}. */
  static String clock(Duration d) {
    long s = d.toSeconds();
    if (s < 60) return s + "s";
    if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02ds", s % 60);
    return (s / 3600) + "h" + String.format(Locale.ROOT, "%02dm%02ds", (s / 60) % 60, s % 60);
  }
}
