package dev.gatebench.contention;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.LongStream;

/**
 * This JVM, for the Direct row: the heap live after the latest collection, and the JVM's descriptors.
 * A JVM's RSS grows for minutes while its heap and Netty's buffer arenas size themselves, which a short
 * soak would read as a leak; what the mock keeps shows in the heap that survives collections.
 */
public final class JvmHeapProbe implements MemoryProbe {
  @Override
  public Reading read() {
    return new Reading(liveHeapBytes(), ProcessTreeProbe.openFds(LongStream.of(ProcessHandle.current().pid())));
  }

  @Override
  public String describe() {
    return "the test JVM's heap after its latest collection (mock upstream, load generator and JUnit share it; "
        + "not a gateway's cost)";
  }

  private static long liveHeapBytes() {
    return ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class).stream()
        .map(GarbageCollectorMXBean::getLastGcInfo).filter(Objects::nonNull)
        .max(Comparator.comparingLong(GcInfo::getEndTime))
        .map(info -> info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum())
        .orElseGet(() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }
}
