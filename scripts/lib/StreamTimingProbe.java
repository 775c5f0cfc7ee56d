import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.MetricsSink;
import dev.gatebench.metrics.RequestOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Histogram;

/**
 * Drives streaming VUs with gatebench's load engine (one event loop, as LoadMain does) and prints
 * what the client saw, split by when each request started: the start-up seconds of the measured
 * run, the steady state after them, and the whole run. Run by scripts/bench-stream-timing.sh as
 * {@code java -cp CLASSPATH StreamTimingProbe URL VUS WARMUP_S RUN_S STARTUP_S}.
 */
public final class StreamTimingProbe {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int vus = Integer.parseInt(args[1]);
    Duration warmUp = Duration.ofSeconds(Long.parseLong(args[2]));
    Duration run = Duration.ofSeconds(Long.parseLong(args[3]));
    long startUpNanos = Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
    LoadEngine engine = new LoadEngine(ChatRequestFactory.of("m", 100, 0.7, true), Duration.ofSeconds(60), 1);
    Target target = Target.of("mock", url);
    // The same load as measured, so that the JIT has compiled its paths before the first measured request.
    engine.start(Scenario.constantVus(vus, warmUp), target, new Kept()).finished().get();
    // The warm-up's garbage goes now, and what lives on (the engine, its buffers) is tenured, not copied mid-run.
    System.gc();
    Kept kept = new Kept();
    long runStartNanos = System.nanoTime();
    engine.start(Scenario.constantVus(vus, run), target, kept).finished().get();
    List<RequestOutcome> outcomes = List.copyOf(kept.outcomes);
    print("start-up (first " + args[4] + " s)", outcomes, runStartNanos, 0, startUpNanos);
    print("steady state", outcomes, runStartNanos, startUpNanos, Long.MAX_VALUE);
    print("whole run", outcomes, runStartNanos, 0, Long.MAX_VALUE);
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
    public void vus(int active, int allocated) {}
  }
}
