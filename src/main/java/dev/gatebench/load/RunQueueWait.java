package dev.gatebench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * How long the event-loop threads were ready to run but not on a CPU (run-queue wait), from Linux's
 * {@code /proc/self/task/<tid>/schedstat} (its second field, ns). Time a loop spends waiting for a CPU
 * is time its scheduled starts are late through no fault of its own: the machine's other work had the
 * cores. Elsewhere (macOS, Windows, a kernel without scheduler statistics) the reading says it is
 * unavailable, and why.
 *
 * <p>Thread-safe: sampled on a loop or the runner's thread, read on the runner's.
 */
final class RunQueueWait {
  static final String SOURCE = "/proc/self/task/<tid>/schedstat";
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final Path TASKS = Path.of("/proc/self/task");

  /**
   * @param available false where the platform does not say; then {@code unavailableBecause} says why
   *     and the figures are 0
   * @param totalNanos run-queue wait of all loops summed, >= 0
   * @param longestThreadNanos the loop that waited most, >= 0
   * @param unavailableBecause why there is no figure, empty when available
   */
  record Reading(boolean available, long totalNanos, long longestThreadNanos, String unavailableBecause) {}

  private final long[] tids;
  private final long[] startNanos;
  private final long[] lastNanos;
  private final String unavailableBecause;

  /** @param tids each loop's Linux thread id, from {@link #currentTid()} on that loop */
  RunQueueWait(List<OptionalLong> tids) {
    this.tids = tids.stream().mapToLong(tid -> tid.orElse(-1)).toArray();
    this.startNanos = new long[this.tids.length];
    this.lastNanos = new long[this.tids.length];
    this.unavailableBecause = whyUnavailable(this.tids);
    sample();
    System.arraycopy(lastNanos, 0, startNanos, 0, lastNanos.length);
  }

  /** The calling thread's Linux thread id ({@code /proc/thread-self} names it); empty elsewhere. */
  static OptionalLong currentTid() {
    try {
      Path link = Files.readSymbolicLink(THREAD_SELF);
      return OptionalLong.of(Long.parseLong(link.getFileName().toString()));
    } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException notLinux) {
      return OptionalLong.empty();
    }
  }

  private static String whyUnavailable(long[] tids) {
    if (tids.length == 0) return "no event-loop threads";
    for (long tid : tids) {
      if (tid < 0) return "this OS has no /proc/thread-self (Linux only)";
      if (waitNanos(tid) < 0) return "this kernel has no " + SOURCE + " (scheduler statistics off)";
    }
    return "";
  }

  /** Reads every loop's wait; a thread already gone keeps its last reading. */
  synchronized void sample() {
    if (!unavailableBecause.isEmpty()) return;
    for (int i = 0; i < tids.length; i++) {
      long nanos = waitNanos(tids[i]);
      if (nanos >= 0) lastNanos[i] = nanos;
    }
  }

  /** The wait since construction, as of the last {@link #sample()}. */
  synchronized Reading reading() {
    if (!unavailableBecause.isEmpty()) return new Reading(false, 0, 0, unavailableBecause);
    long total = 0;
    long longest = 0;
    for (int i = 0; i < tids.length; i++) {
      long waited = Math.max(0, lastNanos[i] - startNanos[i]);
      total += waited;
      longest = Math.max(longest, waited);
    }
    return new Reading(true, total, longest, "");
  }

  /** schedstat: "time on a CPU, time waiting on a run queue (both ns), timeslices"; -1 when unreadable. */
  private static long waitNanos(long tid) {
    try {
      String[] fields = Files.readString(TASKS.resolve(Long.toString(tid)).resolve("schedstat")).trim().split(" ");
      return fields.length < 2 ? -1 : Long.parseLong(fields[1]);
    } catch (IOException | NumberFormatException | SecurityException gone) {
      return -1;
    }
  }
}
