import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.Stage;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.MetricsSink;
import dev.gatebench.metrics.RequestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Histogram;

/**
 * Drives streaming VUs with gatebench's load engine (one event loop, as LoadMain does) and prints
 * what the client saw, split by when each request started: the start-up seconds of the measured
 * run, the steady state after them, and the whole run; then the stalls: stretches in which many streams
 * waited past their due time at once (a systematic pause on one side) told apart from late tokens spread
 * over the run (the machine's noise). Run by scripts/bench-stream-timing.sh as
 * {@code java -cp CLASSPATH StreamTimingProbe URL VUS WARMUP_S RUN_S STARTUP_S TTFT_MS ITL_MS ARRIVAL}.
 *
 * <p>ARRIVAL {@code together} starts every VU of the measured run at once (k6's constant-vus): since
 * every stream lasts as long, their tokens stay due in the same instant every ITL for the whole run, a
 * burst the mock's one loop writes one delta after another. {@code spread} ramps the VUs up over the
 * start-up seconds, as users arrive, so the tokens fall due evenly over each ITL.
 */
public final class StreamTimingProbe {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int vus = Integer.parseInt(args[1]);
    Duration warmUp = Duration.ofSeconds(Long.parseLong(args[2]));
    Duration run = Duration.ofSeconds(Long.parseLong(args[3]));
    long startUpNanos = Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
    long ttftNanos = Duration.ofMillis(Long.parseLong(args[5])).toNanos();
    long itlNanos = Duration.ofMillis(Long.parseLong(args[6])).toNanos();
    boolean spread = switch (args[7]) {
      case "spread" -> true;
      case "together" -> false;
      default -> throw new IllegalArgumentException("ARRIVAL must be spread or together but was " + args[7]);
    };
    LoadEngine engine = new LoadEngine(ChatRequestFactory.of("m", 100, 0.7, true), Duration.ofSeconds(60), 1);
    Target target = Target.of("mock", url);
    // The same load as measured, so that the JIT has compiled its paths before the first measured request.
    engine.start(Scenario.constantVus(vus, warmUp), target, new Kept()).finished().get();
    // The warm-up's garbage goes now, and what lives on (the engine, its buffers) is tenured, not copied mid-run.
    System.gc();
    Kept kept = new Kept();
    long runStartNanos = System.nanoTime();
    System.out.printf(Locale.ROOT, "measured run from %.3f (Unix time, s)%n", System.currentTimeMillis() / 1e3);
    Scenario measured = spread
        ? Scenario.rampingVus(0, Stage.of(Duration.ofNanos(startUpNanos), vus), Stage.of(run.minusNanos(startUpNanos), vus))
        : Scenario.constantVus(vus, run);
    engine.start(measured, target, kept).finished().get();
    List<RequestOutcome> outcomes = List.copyOf(kept.outcomes);
    print("start-up (first " + args[4] + " s)", outcomes, runStartNanos, 0, startUpNanos);
    print("steady state", outcomes, runStartNanos, startUpNanos, Long.MAX_VALUE);
    print("whole run", outcomes, runStartNanos, 0, Long.MAX_VALUE);
    new Stalls(outcomes, runStartNanos, ttftNanos, itlNanos, vus).print(startUpNanos);
    Histogram[] steady = histograms(outcomes, runStartNanos, startUpNanos, Long.MAX_VALUE);
    System.out.printf(Locale.ROOT, "result ttft_p50=%.3f ttft_p99=%.3f itl_p50=%.3f itl_p99=%.3f%n",
        ms(steady[1], 50), ms(steady[1], 99), ms(steady[2], 50), ms(steady[2], 99));
    System.exit(0);
  }

  /** One line: TTFB, TTFT and ITL percentiles in ms of the successful requests started in [from, to). */
  private static void print(String name, List<RequestOutcome> outcomes, long runStartNanos, long fromNanos,
      long toNanos) {
    Histogram[] h = histograms(outcomes, runStartNanos, fromNanos, toNanos);
    Histogram ttfb = h[0];
    Histogram ttft = h[1];
    Histogram itl = h[2];
    System.out.printf(Locale.ROOT, "%-22s requests %d failed %d%n", name, ttft.getTotalCount(), h[3].getTotalCount());
    System.out.printf(Locale.ROOT, "  time_to_first_byte   p50 %8.3f  p99 %8.3f  max %8.3f ms%n",
        ms(ttfb, 50), ms(ttfb, 99), ttfb.getMaxValue() / 1e3);
    System.out.printf(Locale.ROOT, "  time_to_first_token  p50 %8.3f  p95 %8.3f  p99 %8.3f  max %8.3f ms%n",
        ms(ttft, 50), ms(ttft, 95), ms(ttft, 99), ttft.getMaxValue() / 1e3);
    System.out.printf(Locale.ROOT, "  inter_token_latency  p50 %8.3f  p99 %8.3f  p99.9 %8.3f  max %8.3f ms (count %d)%n",
        ms(itl, 50), ms(itl, 99), ms(itl, 99.9), itl.getMaxValue() / 1e3, itl.getTotalCount());
  }

  /** TTFB, TTFT, ITL in µs of the successful requests started in [from, to), and one count per failure. */
  private static Histogram[] histograms(List<RequestOutcome> outcomes, long runStartNanos, long fromNanos,
      long toNanos) {
    Histogram[] h = {new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3)};
    for (RequestOutcome o : outcomes) {
      long startedNanos = o.startNanos() - runStartNanos;
      if (startedNanos < fromNanos || startedNanos >= toNanos) continue;
      if (!o.success()) {
        h[3].recordValue(1);
        continue;
      }
      h[0].recordValue(o.timeToFirstByteNanos() / 1000);
      h[1].recordValue(o.timeToFirstTokenNanos() / 1000);
      for (long gap : o.tokenGapsNanos()) h[2].recordValue(gap / 1000);
    }
    return h;
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e3;
  }

  /**
   * When streams waited past their due time (first token at start + TTFT, each further one at the previous
   * + ITL, plus {@link #TOLERANCE_NANOS}), counted per 10 ms slot of the run. A stall is a stretch of slots
   * in which at least a quarter of the VUs were overdue at once: one side paused. Late tokens outside
   * stalls are spread over the run: the machine taking the CPU now from one stream, now from another.
   */
  private static final class Stalls {
    static final long SLOT_NANOS = 10_000_000;
    static final long TOLERANCE_NANOS = 2_000_000;
    final int[] overdue;
    final List<RequestOutcome> outcomes;
    final long runStartNanos;
    final long ttftNanos;
    final long itlNanos;
    final int vus;

    Stalls(List<RequestOutcome> outcomes, long runStartNanos, long ttftNanos, long itlNanos, int vus) {
      this.outcomes = outcomes;
      this.runStartNanos = runStartNanos;
      this.ttftNanos = ttftNanos;
      this.itlNanos = itlNanos;
      this.vus = vus;
      long lastNanos = outcomes.stream().mapToLong(RequestOutcome::endNanos).max().orElse(runStartNanos);
      this.overdue = new int[(int) ((lastNanos - runStartNanos) / SLOT_NANOS) + 2];
      for (RequestOutcome o : outcomes) {
        if (!o.success() || o.firstTokenNanos() == RequestOutcome.UNSET) continue;
        mark(o.startNanos() + ttftNanos, o.firstTokenNanos());
        long tokenNanos = o.firstTokenNanos();
        for (long gap : o.tokenGapsNanos()) {
          mark(tokenNanos + itlNanos, tokenNanos + gap);
          tokenNanos += gap;
        }
      }
    }

    /** Counts one stream overdue in every slot that [due + tolerance, arrived) covers. */
    private void mark(long dueNanos, long arrivedNanos) {
      long fromNanos = dueNanos + TOLERANCE_NANOS;
      if (arrivedNanos <= fromNanos) return;
      int first = Math.max(0, (int) ((fromNanos - runStartNanos) / SLOT_NANOS));
      int last = Math.min(overdue.length - 1, (int) ((arrivedNanos - runStartNanos) / SLOT_NANOS));
      for (int slot = first; slot <= last; slot++) overdue[slot]++;
    }

    /** The ten longest stalls, then how many late first tokens of the steady state fell inside stalls. */
    void print(long steadyFromNanos) {
      boolean[] inStall = new boolean[overdue.length];
      List<long[]> stalls = new ArrayList<>();
      for (int slot = 0; slot < overdue.length; ) {
        if (overdue[slot] < vus / 4) {
          slot++;
          continue;
        }
        int end = slot;
        int peak = 0;
        while (end < overdue.length && overdue[end] >= vus / 4) {
          inStall[end] = true;
          peak = Math.max(peak, overdue[end++]);
        }
        stalls.add(new long[] {slot, end - slot, peak});
        slot = end;
      }
      stalls.stream().sorted((x, y) -> Long.compare(y[1], x[1])).limit(10).forEach(stall -> System.out.printf(
          Locale.ROOT, "  stall at %.2f s for %d ms: up to %d of %d streams overdue%n", stall[0] * SLOT_NANOS / 1e9,
          stall[1] * SLOT_NANOS / 1_000_000, stall[2], vus));
      int late = 0;
      int lateInStalls = 0;
      int steady = 0;
      for (RequestOutcome o : outcomes) {
        if (!o.success() || o.startNanos() - runStartNanos < steadyFromNanos) continue;
        steady++;
        if (o.timeToFirstTokenNanos() <= ttftNanos + 5_000_000) continue;
        late++;
        if (inStall[Math.min(inStall.length - 1, (int) ((o.firstTokenNanos() - runStartNanos) / SLOT_NANOS))]) {
          lateInStalls++;
        }
      }
      System.out.printf(Locale.ROOT, "stalls (>= %d streams overdue at once, whole run): %d, the longest above;"
          + " steady-state first tokens later than TTFT + 5 ms: %d of %d, %d of them in a stall, %d spread%n",
          vus / 4, stalls.size(), late, steady, lateInStalls, late - lateInStalls);
    }
  }

  /** Keeps every outcome; cheap enough for the event loop. */
  private static final class Kept implements MetricsSink {
    final ConcurrentLinkedQueue<RequestOutcome> outcomes = new ConcurrentLinkedQueue<>();

    @Override
    public void record(RequestOutcome outcome) {
      outcomes.add(outcome);
    }

    @Override
    public void requestStarted() {}

    @Override
    public void droppedIteration() {}

    @Override
    public void scheduleLag(long lagNanos) {}

    @Override
    public void vus(int active, int allocated) {}
  }
}
