package dev.gatebench.metrics;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * A live progress line naming the run, how far it is, and what the target did lately, e.g.
 * <pre>
 * baseline · litellm | 12/30 iterations, 14s | vus 1 | last 20s: 1.0 req/s, p50 1240 ms, p95 1300 ms | 12 requests, 0 errors (0.0%)
 * sustained · direct | 1m12s / 10m00s | vus 10 | last 1s: 34.0 req/s, p50 412 ms, p95 980 ms | 2400 requests, 3 errors (0.1%)
 * </pre>
 * Rate and latency come from a trailing window that grows until it holds
 * {@link RecentWindow#MIN_REQUESTS} requests (at most {@link RecentWindow#MAX_SECONDS}), so a slow
 * run shows steady figures; the line says how long the window is. Requests and errors count the
 * whole run. On a terminal the line is redrawn in place each second; in CI or a piped log a plain
 * line is printed every {@link #DEFAULT_PLAIN_EVERY} and at the planned end, so logs stay short.
 *
 * <p>Called from the runner's one interval thread; not thread-safe.
 */
public final class ProgressReporter {
  /** How often a non-interactive log gets a line. */
  public static final Duration DEFAULT_PLAIN_EVERY = Duration.ofSeconds(10);
  private static final String CLEAR_LINE = "\r\u001b[2K";
  private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

  private final PrintStream out;
  private final boolean interactive;
  private final Duration plainEvery;
  private long errorsSoFar;
  private long requestsSoFar;
  private long nextPlainSeconds;
  private boolean endPrinted;
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

  /** Reports one closed second. */
  public void onTick(ProgressTick tick) {
    errorsSoFar += tick.second().errors();
    requestsSoFar += tick.second().requests();
    String line = line(tick);
    if (interactive) {
      out.print(CLEAR_LINE + line);
      lineOpen = true;
    } else if (tick.elapsed().toSeconds() >= nextPlainSeconds || (tick.atEnd() && !endPrinted)) {
      out.println(line);
      nextPlainSeconds = tick.elapsed().toSeconds() + plainEvery.toSeconds();
      endPrinted = tick.atEnd();
    }
    out.flush();
  }

  /**
   * The run ended: ends the redrawn line so that what follows starts on its own line, and starts
   * the counts afresh for the next run; safe to call twice.
   */
  public void finish() {
    endLine();
    requestsSoFar = 0;
    errorsSoFar = 0;
    nextPlainSeconds = 0;
    endPrinted = false;
  }

  private void endLine() {
    if (lineOpen) out.println();
    lineOpen = false;
    out.flush();
  }

  /**
   * Prints a line of its own, whether or not the output is a terminal: why a run is ending early,
   * or why its numbers cannot be trusted.
   */
  public void note(String line) {
    endLine();
    out.println(line);
    out.flush();
  }

  /** Prints why the run is ending early; as {@link #note}. */
  public void aborted(String line) {
    note(line);
  }

  String line(ProgressTick t) {
    double errorPercent = requestsSoFar == 0 ? 0 : 100.0 * errorsSoFar / requestsSoFar;
    return String.format(Locale.ROOT, "%s · %s | %s | vus %d | %s | %d requests, %d errors (%.1f%%)", t.suite(),
        t.target(), progress(t), t.second().activeVus(), recent(t.recent()), requestsSoFar, errorsSoFar,
        errorPercent);
  }

  private static String progress(ProgressTick t) {
    if (t.countsIterations()) {
      return t.iterationsDone() + "/" + t.iterationsTotal() + " iterations, " + clock(t.elapsed());
    }
    return clock(t.elapsed()) + " / " + (t.total().isPositive() ? clock(t.total()) : "?");
  }

  private static String recent(RecentWindow w) {
    if (w.requests() == 0) return "no request ended in the last " + w.seconds() + "s";
    return String.format(Locale.ROOT, "last %ds: %.1f req/s, p50 %s, p95 %s", w.seconds(), w.requestsPerSecond(),
        ms(w.latencyP50Ms()), ms(w.latencyP95Ms()));
  }

  /** Three significant digits, as precise as the window's histograms: {@code 1240 ms}, {@code 41.2 ms}, {@code 0.412 ms}. */
  static String ms(double value) {
    if (Double.isNaN(value)) return "-";
    return new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString() + " ms";
  }

  /** {@code 45s}, {@code 1m30s}, {@code 1h02m03s}. */
  static String clock(Duration d) {
    long s = d.toSeconds();
    if (s < 60) return s + "s";
    if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02ds", s % 60);
    return (s / 3600) + "h" + String.format(Locale.ROOT, "%02dm%02ds", (s / 60) % 60, s % 60);
  }
}
