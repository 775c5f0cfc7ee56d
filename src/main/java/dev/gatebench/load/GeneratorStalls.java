package dev.gatebench.load;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Why a generator was late: what kept its event loops from running during a run, and which of that
 * most likely made its schedule lag. Three things stop a loop that has a start due: the machine (the
 * loop was ready but waited for a CPU: {@link RunQueueWait}), the JVM (a GC pause: {@link GcPauses}), and
 * the loop itself (busy on a CPU all the time, or blocked in a call that should not block).
 *
 * <p>A cause explains the lag only if it held the loops at least as long as the lag's p(99) and for at
 * least 1 % of the run: a start late by L ms was held back for L ms, so a cause that held the loops for
 * less in all cannot have made it; and a p(99) over the bound means at least 1 % of the starts were
 * late, which in an open model (starts spread evenly over the run) takes stalls over 1 % of the run.
 * A one-off stall that neither covers (the JVM's first run loading classes, a blocking call on a loop)
 * is left unexplained rather than pinned on whichever figure is larger. Immutable.
 *
 * @param cpu the loops' CPU time and run-queue wait
 * @param gc the JVM's GC pauses over the run
 * @param runNanos the measured run's duration, > 0
 * @param lagNanos the lateness to explain: the schedule lag's p(99), >= 0
 */
record GeneratorStalls(GeneratorCpu.Reading cpu, GcPauses.Reading gc, long runNanos, long lagNanos) {
  /** The least share of the run a cause must cover to explain a lag p(99): 1 % (see above). */
  static final double MIN_SHARE = 0.01;
  /** A loop on a CPU this share of the run had no time to spare: the generator ran out of CPU. */
  static final double SATURATED_SHARE = 0.9;
  private static final double NANOS_PER_MS = 1e6;

  /** What most likely made the generator late, as {@code environment.generator.likeliestCause}. */
  enum Cause {
    MACHINE("machine", "run it on an idle machine or on a core of its own"),
    GC("gc", "give the JVM a young generation that the run does not fill (-Xmn) or a larger heap"),
    HEAP_READINGS("heap-readings", "expect it where a soak over 10 requests a second reads the Direct row's live "
        + "heap (each reading is a full collection, and the next request falls in its pause)"),
    SATURATED("generator-cpu", "lower the load or give the load engine more event-loop threads"),
    UNEXPLAINED("unexplained", "warm the JVM up with a run first, look for a blocking call on the event loop, or "
        + "run it on an idle machine");

    private final String key;
    private final String fix;

    Cause(String key, String fix) {
      this.key = key;
      this.fix = fix;
    }

    String key() {
      return key;
    }

    /** What to do about it, e.g. {@code run it on an idle machine or on a core of its own}. */
    String fix() {
      return fix;
    }
  }

  GeneratorStalls {
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(gc, "gc");
    if (runNanos <= 0) throw new IllegalArgumentException("runNanos must be > 0 but was " + runNanos);
    if (lagNanos < 0) throw new IllegalArgumentException("lagNanos must be >= 0 but was " + lagNanos);
  }

  /** The most-waiting loop's run-queue wait as a share of the run; 0 where the OS does not say. */
  double waitShare() {
    return cpu.runQueue().longestThreadNanos() / (double) runNanos;
  }

  double gcShare() {
    return gc.totalMs() * NANOS_PER_MS / runNanos;
  }

  double busiestLoopShare() {
    return cpu.supported() ? cpu.busiestThreadNanos() / (double) runNanos : 0;
  }

  /** A loop out of CPU first (it is the generator's own limit), then the larger of machine and GC that explains the lag. */
  Cause likeliestCause() {
    if (busiestLoopShare() >= SATURATED_SHARE) return Cause.SATURATED;
    boolean machine = explains(waitShare());
    boolean gcs = explains(gcShare());
    Cause gcCause = gc.mostlyForced() ? Cause.HEAP_READINGS : Cause.GC;
    if (machine && gcs) return waitShare() >= gcShare() ? Cause.MACHINE : gcCause;
    return machine ? Cause.MACHINE : gcs ? gcCause : Cause.UNEXPLAINED;
  }

  private boolean explains(double share) {
    return share >= MIN_SHARE && share * runNanos >= lagNanos;
  }

  /**
   * The cause with its figures, and the other figures besides, e.g. {@code the generator's event loop
   * waited 2.1 s for a CPU (7 % of the run): other work on the machine (besides, GC paused the JVM 3
   * times for 102 ms in all, longest 34 ms, Serial)}.
   */
  String explanation() {
    return switch (likeliestCause()) {
      case MACHINE -> waited() + ": other work on the machine (besides, " + paused() + ")";
      case GC, HEAP_READINGS -> paused() + " (besides, " + waited() + ")";
      case SATURATED -> String.format(Locale.ROOT, "the generator's busiest event loop was on a CPU for %s of the "
          + "run: the generator itself ran out of CPU (besides, %s; %s)", percent(busiestLoopShare()), waited(), paused());
      case UNEXPLAINED -> "neither waiting for a CPU nor GC accounts for it (" + waited() + "; " + paused()
          + "): something else held the event loop: the JVM's first run loading classes (a warm-up run avoids it) "
          + "or a blocking call on the loop";
    };
  }

  private String waited() {
    RunQueueWait.Reading wait = cpu.runQueue();
    if (!wait.available()) return "how long the event loop waited for a CPU is unknown: " + wait.unavailableBecause();
    if (cpu.threads() == 1) {
      return "the generator's event loop waited " + duration(wait.totalNanos()) + " for a CPU (" + percent(waitShare())
          + " of the run)";
    }
    return "the generator's " + cpu.threads() + " event loops waited " + duration(wait.totalNanos())
        + " for a CPU, the most-waiting one " + duration(wait.longestThreadNanos()) + " (" + percent(waitShare())
        + " of the run)";
  }

  private String paused() {
    if (gc.pauses() == 0) return "no GC pause (" + gc.collector() + ")";
    String forced = gc.forcedMs() == 0 ? ""
        : "; " + duration(gc.forcedMs() * 1_000_000) + " of it full collections of a soak's heap readings";
    return String.format(Locale.ROOT, "GC paused the JVM %d time%s for %s in all (%s of the run), longest %s, %s%s",
        gc.pauses(), gc.pauses() == 1 ? "" : "s", duration(gc.totalMs() * 1_000_000), percent(gcShare()),
        duration(gc.longestMs() * 1_000_000), gc.collector(), forced);
  }

  /** The figures as entries of {@code environment.generator}. */
  void putFacts(Map<String, Object> facts) {
    facts.put("gcCollector", gc.collector());
    facts.put("gcPauses", gc.pauses());
    facts.put("gcPauseMs", gc.totalMs());
    facts.put("gcLongestPauseMs", gc.longestMs());
    facts.put("gcForcedPauseMs", gc.forcedMs());
    facts.put("gcPauseShare", gcShare());
    RunQueueWait.Reading wait = cpu.runQueue();
    if (wait.available()) {
      facts.put("runQueueWaitMs", wait.totalNanos() / NANOS_PER_MS);
      facts.put("runQueueWaitShare", waitShare());
      facts.put("runQueueWaitSource", RunQueueWait.SOURCE);
    } else {
      facts.put("runQueueWaitUnavailable", wait.unavailableBecause());
    }
  }

  /** {@code 340 ms}, {@code 2.1 s}. */
  static String duration(long nanos) {
    double ms = nanos / NANOS_PER_MS;
    return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }

  /** {@code 7 %}, {@code 12 %}, {@code 0.4 %}: one decimal under 10 %, none when whole. */
  static String percent(double share) {
    double pct = share * 100;
    String text = String.format(Locale.ROOT, pct >= 10 ? "%.0f" : "%.1f", pct);
    return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " %";
  }
}
