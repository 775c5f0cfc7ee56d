package dev.gatebench.metrics.resources;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a container's CPU and memory from its own cgroup once a second, as {@link ProcessTreeSampler}
 * does for processes: CPU from the cgroup's CPU time (nanoseconds, so far finer than {@code docker stats}),
 * memory as {@code docker stats} shows it (usage minus inactive page cache). It also reports what the
 * cgroup alone knows: the kernel's memory peak, and processes its memory limit killed during the run.
 * A container that vanishes mid-run (stopped, or its engine stopped) ends the sampling with what was
 * read so far and is said so. {@code start}, {@code stop} and {@code close} from any thread.
 */
public final class ContainerSampler implements AutoCloseable {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final CgroupFiles cgroup;
  private final String container;
  private final UsageAccumulator accumulator = new UsageAccumulator(NANOS_PER_SECOND);
  private ScheduledExecutorService timer;
  private long oomKillsAtStart;
  private long limitHitsAtStart;
  private Optional<String> vanished = Optional.empty();
  private ResourceUsage result;
  private Map<String, Object> facts;

  /**
   * @param cgroup the container's cgroup files
   * @param container its name or id, for the record, e.g. {@code gatebench-litellm-6f1c2a90}
   */
  public ContainerSampler(CgroupFiles cgroup, String container) {
    this.cgroup = Objects.requireNonNull(cgroup, "cgroup");
    this.container = Objects.requireNonNull(container, "container");
  }

  /** Takes the first reading now, then one a second on a daemon thread. @throws IllegalStateException if started */
  public synchronized void start() {
    if (timer != null) throw new IllegalStateException("ContainerSampler already started on " + container);
    oomKillsAtStart = cgroup.oomKills();
    limitHitsAtStart = cgroup.limitHits();
    sample();
    timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
        .name("gatebench-container-resources").unstarted(r));
    timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
  }

  /** Takes a last reading, stops, and returns what was measured; later calls return the same. */
  public synchronized ResourceUsage stop() {
    if (result != null) return result;
    if (timer == null) throw new IllegalStateException("ContainerSampler.stop() before start()");
    timer.shutdownNow();
    sample();
    facts = readFacts();
    result = accumulator.toUsage("cgroup of container " + container, note());
    return result;
  }

  /**
   * What the cgroup says beyond the samples, after {@link #stop()}: {@code memory_peak_bytes} (the kernel's
   * high-water mark, which catches spikes between samples), {@code oom_kills_during_run},
   * {@code memory_limit_hits_during_run}, and {@code vanished} when the container went away mid-run.
   */
  public synchronized Map<String, Object> facts() {
    if (facts == null) throw new IllegalStateException("ContainerSampler.facts() before stop()");
    return facts;
  }

  /** CPU seconds used since the container started and working-set memory, right now (for cross-checks). */
  public ProcessTreeSampler.Snapshot snapshot() {
    return new ProcessTreeSampler.Snapshot(cgroup.cpuUsageNanos() / 1e9, cgroup.memoryWorkingSetBytes(), 1);
  }

  @Override
  public synchronized void close() {
    if (timer != null && result == null) stop();
  }

  private synchronized void sample() {
    if (result != null || vanished.isPresent()) return;
    try {
      accumulator.add(new TreeReading(System.nanoTime(), Map.of(0L, cgroup.cpuUsageNanos()),
          cgroup.memoryWorkingSetBytes()));
    } catch (RuntimeException e) {
      vanished = Optional.of(e.getMessage());
    }
  }

  private Map<String, Object> readFacts() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cgroup", cgroup.describe());
    try {
      cgroup.memoryPeakBytes().ifPresent(peak -> map.put("memory_peak_bytes", peak));
      map.put("oom_kills_during_run", cgroup.oomKills() - oomKillsAtStart);
      map.put("memory_limit_hits_during_run", cgroup.limitHits() - limitHitsAtStart);
    } catch (RuntimeException e) {
      vanished = vanished.or(() -> Optional.of(e.getMessage()));
    }
    vanished.ifPresent(why -> map.put("vanished", "the container went away during the run (stopped, killed, or its "
        + "engine stopped); figures cover the time before: " + why));
    return map;
  }

  private String note() {
    return "CPU from the container's cgroup; memory as docker stats shows it (usage minus inactive page cache); "
        + "one process entry stands for the whole container";
  }
}
