package dev.gatebench.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's GC pauses over one run, from the {@link GarbageCollectorMXBean}s (no JFR): how many, how
 * long in all, and the longest. Every pause stops the event loops with the rest of the JVM, so a start
 * due during it is late by the pause. Collectors that also report concurrent work keep it in a bean of
 * its own ({@code ZGC Cycles}, {@code Shenandoah Cycles}); those beans are left out, since their time
 * runs beside the loops rather than stopping them. Counts and totals are the beans' own (ms
 * resolution); the longest pause comes from the beans' end-of-collection notifications, delivered on a
 * JVM service thread, so a pause that ends in the run's last instant may be missed there and taken
 * from the bean's last collection instead. The share that gatebench's own {@link ForcedCollections}
 * took is timed where they are asked for.
 *
 * <p>Thread-safe: started and stopped on the runner's thread, notified on the JVM's.
 */
final class GcPauses implements NotificationListener {
  private static final String CONCURRENT_BEAN = "Cycles";

  /**
   * @param collector the collector by its usual name, e.g. {@code Serial}, {@code G1}; {@code none} when
   *     the JVM reports no pausing collector (Epsilon)
   * @param pauses pauses that ended during the run, >= 0
   * @param totalMs their summed duration in ms, >= 0
   * @param longestMs the longest one in ms, >= 0; 0 without pauses
   * @param forcedMs how much of {@code totalMs} gatebench's own {@link ForcedCollections} took, >= 0
   */
  record Reading(String collector, long pauses, long totalMs, long longestMs, long forcedMs) {
    Reading {
      if (pauses < 0 || totalMs < 0 || longestMs < 0 || forcedMs < 0) {
        throw new IllegalArgumentException("GC pauses, total, longest and forced must be >= 0 but were " + pauses
            + ", " + totalMs + " ms, " + longestMs + " ms, " + forcedMs + " ms");
      }
    }

    /** Whether gatebench's own forced collections made most of the pause time. */
    boolean mostlyForced() {
      return totalMs > 0 && 2 * forcedMs >= totalMs;
    }
  }

  private final List<GarbageCollectorMXBean> beans;
  private final long[] startCounts;
  private final long[] startMillis;
  private final long startForcedNanos = ForcedCollections.nanos();
  private long longestMs;

  private GcPauses(List<GarbageCollectorMXBean> beans) {
    this.beans = beans;
    this.startCounts = beans.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).toArray();
    this.startMillis = beans.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).toArray();
  }

  /** Starts counting now; {@link #stop()} ends it. */
  static GcPauses start() {
    List<GarbageCollectorMXBean> pausing = new ArrayList<>();
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (!bean.getName().contains(CONCURRENT_BEAN)) pausing.add(bean);
    }
    GcPauses pauses = new GcPauses(List.copyOf(pausing));
    for (GarbageCollectorMXBean bean : pauses.beans) {
      if (bean instanceof NotificationEmitter emitter) emitter.addNotificationListener(pauses, null, null);
    }
    return pauses;
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    if (info.getGcName().contains(CONCURRENT_BEAN)) return;
    noteLongest(info.getGcInfo().getDuration());
  }

  private synchronized void noteLongest(long durationMs) {
    longestMs = Math.max(longestMs, durationMs);
  }

  /** The pauses since {@link #start()}; stops listening. */
  Reading stop() {
    long pauses = 0;
    long totalMs = 0;
    for (int i = 0; i < beans.size(); i++) {
      GarbageCollectorMXBean bean = beans.get(i);
      long count = Math.max(0, bean.getCollectionCount() - startCounts[i]);
      pauses += count;
      totalMs += Math.max(0, bean.getCollectionTime() - startMillis[i]);
      if (count > 0) noteLongest(lastDurationMs(bean));
      unlisten(bean);
    }
    long forcedMs = (ForcedCollections.nanos() - startForcedNanos) / 1_000_000;
    return pauses == 0 ? new Reading(collector(beans), 0, 0, 0, 0)
        : new Reading(collector(beans), pauses, totalMs, Math.min(totalMs, longest()), Math.min(totalMs, forcedMs));
  }

  private synchronized long longest() {
    return longestMs;
  }

  private static long lastDurationMs(GarbageCollectorMXBean bean) {
    if (!(bean instanceof com.sun.management.GarbageCollectorMXBean detailed)) return 0;
    GcInfo last = detailed.getLastGcInfo();
    return last == null ? 0 : last.getDuration();
  }

  private void unlisten(GarbageCollectorMXBean bean) {
    if (!(bean instanceof NotificationEmitter emitter)) return;
    try {
      emitter.removeNotificationListener(this);
    } catch (ListenerNotFoundException alreadyGone) {
      // nothing to undo
    }
  }

  /** {@code Serial} for Copy + MarkSweepCompact, and so on; the beans' names for a collector not known here. */
  static String collector(List<GarbageCollectorMXBean> beans) {
    Set<String> names = new LinkedHashSet<>();
    for (GarbageCollectorMXBean bean : beans) names.add(family(bean.getName()));
    return names.isEmpty() ? "none" : String.join(" + ", names);
  }

  private static String family(String beanName) {
    if (beanName.equals("Copy") || beanName.equals("MarkSweepCompact")) return "Serial";
    if (beanName.startsWith("PS ")) return "Parallel";
    if (beanName.startsWith("G1 ")) return "G1";
    if (beanName.startsWith("ZGC")) return "ZGC";
    if (beanName.startsWith("Shenandoah")) return "Shenandoah";
    return beanName;
  }
}
