package dev.gatebench.metrics.resources;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples CPU and resident memory of a process and all its descendants from /proc, once a
 * second by default (LiteLLM forks its workers, so the root pid alone would miss most of the work).
 *
 * <p>CPU is utime + stime of /proc/&lt;pid&gt;/stat in clock ticks (1/100 s on Linux), so a
 * one-second interval has a resolution of 0.01 core per process. Memory is {@code VmRSS} of
 * /proc/&lt;pid&gt;/status summed over the tree; shared pages are counted once per process, as
 * {@code ps} counts them.
 *
 * <p>Use: {@code start(pid)} before the load, {@code stop()} after it. One run per instance;
 * {@code start}, {@code stop} and {@code close} may be called from different threads. Linux only.
 */
public final class ProcessTreeSampler implements AutoCloseable {
  /** Sampling interval when none is given. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  private final ProcFs proc;
  private final Duration interval;
  private final String note;
  private final UsageAccumulator accumulator;
  private ScheduledExecutorService timer;
  private long pid = -1;
  private ResourceUsage result;

  ProcessTreeSampler(ProcFs proc, Duration interval, String note) {
    this.proc = Objects.requireNonNull(proc, "proc");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be > 0 but was " + interval);
    }
    this.note = note;
    this.accumulator = new UsageAccumulator(proc.clockTicksPerSecond());
  }

  /** A sampler of this machine's /proc, every second. */
  public static ProcessTreeSampler create() {
    return new ProcessTreeSampler(ProcFs.system(), DEFAULT_INTERVAL, "");
  }

  /**
   * A sampler already started on this JVM's own process. The Direct row's mock upstream runs
   * inside the test JVM, so this figure is the JVM's: mock, load generator and JUnit together.
   */
  public static ProcessTreeSampler startOnThisJvm() {
    ProcessTreeSampler sampler = new ProcessTreeSampler(ProcFs.system(), DEFAULT_INTERVAL,
        "the test JVM as a whole: mock upstream, load generator and JUnit share it; not a gateway's cost");
    sampler.start(ProcessHandle.current().pid());
    return sampler;
  }

  /** A sampler of this machine's /proc at the given interval, e.g. {@code Duration.ofMillis(500)}. */
  public static ProcessTreeSampler every(Duration interval) {
    return new ProcessTreeSampler(ProcFs.system(), interval, "");
  }

  /**
   * Takes the first reading now and then one per interval on a daemon thread.
   *
   * @param rootPid the gateway's process id, > 0
   * @throws IllegalStateException if already started, or the process does not exist
   */
  public synchronized void start(long rootPid) {
    if (timer != null) throw new IllegalStateException("ProcessTreeSampler already started on pid " + pid);
    if (proc.stat(rootPid).isEmpty()) {
      throw new IllegalStateException("cannot sample pid " + rootPid + ": no such process in /proc");
    }
    this.pid = rootPid;
    sample();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gatebench-resources-" + rootPid);
      t.setDaemon(true);
      return t;
    });
    long periodNanos = interval.toNanos();
    timer.scheduleAtFixedRate(this::sample, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }

  /** Takes a last reading, stops the thread and returns what was measured; later calls return the same. */
  public synchronized ResourceUsage stop() {
    if (result != null) return result;
    if (timer == null) throw new IllegalStateException("ProcessTreeSampler.stop() before start(pid)");
    timer.shutdownNow();
    sample();
    result = accumulator.toUsage("process tree of pid " + pid, note);
    return result;
  }

  /** Stops sampling if running; safe to call twice. */
  @Override
  public synchronized void close() {
    if (timer != null && result == null) stop();
  }

  /** CPU seconds and RSS of the tree right now, outside the schedule (for cross-checks). */
  public Snapshot snapshot(long rootPid) {
    TreeReading r = proc.readTree(rootPid, System.nanoTime());
    return new Snapshot(r.totalTicks() / (double) proc.clockTicksPerSecond(), r.rssBytes(), r.processes());
  }

  private synchronized void sample() {
    if (result != null) return;
    accumulator.add(proc.readTree(pid, System.nanoTime()));
  }

  /**
   * A tree's cumulative figures at one moment.
   *
   * @param cpuSeconds utime + stime summed over live processes since they started, seconds
   * @param rssBytes VmRSS summed over live processes, bytes
   * @param processes live processes in the tree
   */
  public record Snapshot(double cpuSeconds, long rssBytes, int processes) {}
}
