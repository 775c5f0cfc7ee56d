package dev.gatebench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.OptionalLong;

/**
 * CPU time of the load engine's own event-loop threads over a run: the HTTP driver, response
 * parsing and recording, which is all the generator does per request. Not the runner's once-a-second
 * thread, GC, JIT, nor a mock upstream running in the same JVM (its threads are its own); see
 * {@link #jvmCpuNanos()} for the whole process. Read with {@link ThreadMXBean#getThreadCpuTime}, which
 * answers only while a thread lives, so the run samples once more before its loops shut down. The same
 * samples read how long the loops waited for a CPU ({@link RunQueueWait}).
 *
 * <p>Thread-safe: sampled on a loop, read on the runner's thread.
 */
final class GeneratorCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * @param threads event-loop threads measured
   * @param cpuNanos their CPU time summed since the run's loops started, >= 0
   * @param busiestThreadNanos the largest single thread's share of it
   * @param supported false when this JVM cannot measure thread CPU time (then both are 0)
   * @param runQueue how long the loops were ready to run but not on a CPU
   */
  record Reading(int threads, long cpuNanos, long busiestThreadNanos, boolean supported, RunQueueWait.Reading runQueue) {}

  /** An event loop's thread and its Linux thread id ({@link RunQueueWait#currentTid()}, read on it). */
  record Loop(Thread thread, OptionalLong tid) {
    /** The calling thread, to be called on the loop. */
    static Loop current() {
      return new Loop(Thread.currentThread(), RunQueueWait.currentTid());
    }
  }

  private final long[] threadIds;
  private final long[] startNanos;
  private final long[] lastNanos;
  private final boolean supported;
  private final RunQueueWait runQueue;

  GeneratorCpu(List<Loop> loops) {
    this.threadIds = loops.stream().mapToLong(loop -> loop.thread().threadId()).toArray();
    this.runQueue = new RunQueueWait(loops.stream().map(Loop::tid).toList());
    this.supported = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    this.startNanos = new long[threadIds.length];
    this.lastNanos = new long[threadIds.length];
    sample();
    System.arraycopy(lastNanos, 0, startNanos, 0, lastNanos.length);
  }

  /** Reads every live thread's CPU time; a thread already gone keeps its last reading. */
  synchronized void sample() {
    runQueue.sample();
    if (!supported) return;
    for (int i = 0; i < threadIds.length; i++) {
      long nanos = THREADS.getThreadCpuTime(threadIds[i]);
      if (nanos >= 0) lastNanos[i] = nanos;
    }
  }

  /** CPU time since construction, as of the last {@link #sample()}. */
  synchronized Reading reading() {
    long total = 0;
    long busiest = 0;
    for (int i = 0; i < threadIds.length; i++) {
      long used = lastNanos[i] - startNanos[i];
      total += used;
      busiest = Math.max(busiest, used);
    }
    return new Reading(threadIds.length, total, busiest, supported, runQueue.reading());
  }

  /** CPU time of this whole JVM so far, in ns; -1 where the platform does not say. */
  static long jvmCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
