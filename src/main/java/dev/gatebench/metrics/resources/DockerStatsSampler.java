package dev.gatebench.metrics.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples one container with {@code docker stats --no-stream --format '{{json .}}' <name>} in a
 * loop on a daemon thread, for gateways run as containers (where /proc of the host does not show
 * a clean tree). Each call of the Docker CLI itself takes about a second, which sets the rate.
 * CPU-seconds are the integral of the CPU percentage over wall time, so they are coarser than
 * {@link ProcessTreeSampler}'s. {@code start}/{@code stop} from any thread; one run per instance.
 */
public final class DockerStatsSampler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SIZE = Pattern.compile("([0-9.]+)\\s*([KMGT]?i?B)", Pattern.CASE_INSENSITIVE);

  private final String container;
  private final List<Reading> readings = new ArrayList<>();
  private volatile boolean running;
  private Thread thread;

  /** @param container the container name or id, e.g. {@code gatebench-litellm} */
  public DockerStatsSampler(String container) {
    this.container = Objects.requireNonNull(container, "container");
  }

  public synchronized void start() {
    if (thread != null) throw new IllegalStateException("DockerStatsSampler already started on " + container);
    running = true;
    thread = Thread.ofPlatform().daemon().name("gatebench-docker-stats-" + container).start(this::loop);
  }

  public ResourceUsage stop() throws InterruptedException {
    running = false;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) t.join(10_000);
    synchronized (readings) {
      return summarize(container, List.copyOf(readings));
    }
  }

  private void loop() {
    while (running) {
      try {
        Reading r = parseLine(runDockerStats(), System.nanoTime());
        synchronized (readings) {
          readings.add(r);
        }
      } catch (IOException | RuntimeException e) {
        running = false; // a vanished container or no Docker CLI: keep what we have
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private String runDockerStats() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("docker", "stats", "--no-stream", "--format", "{{json .}}", container).start();
    if (!p.waitFor(15, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("docker stats " + container + " did not answer within 15 s");
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  /** One line of {@code docker stats --format '{{json .}}'} → cores and memory bytes. */
  static Reading parseLine(String jsonLine, long nanoTime) {
    try {
      JsonNode node = JSON.readTree(jsonLine);
      double cores = parsePercent(node.path("CPUPerc").asText()) / 100.0;
      long memBytes = parseSize(node.path("MemUsage").asText().split("/")[0]);
      return new Reading(nanoTime, cores, memBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("not a docker stats JSON line: " + jsonLine, e);
    }
  }

  static double parsePercent(String text) {
    String t = text.strip();
    if (!t.endsWith("%")) throw new IllegalArgumentException("not a percentage: '" + text + "'");
    return Double.parseDouble(t.substring(0, t.length() - 1));
  }

  /** {@code 12.5MiB} → 13107200; decimal units (kB, MB, GB) as Docker prints them too. */
  static long parseSize(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) throw new IllegalArgumentException("not a size like '12.5MiB': '" + text + "'");
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2).toUpperCase(Locale.ROOT);
    int power = "BKMGT".indexOf(unit.charAt(0));
    double base = unit.contains("I") ? 1024 : 1000;
    return Math.round(value * Math.pow(base, unit.length() == 1 ? 0 : power));
  }

  static ResourceUsage summarize(String container, List<Reading> readings) {
    List<ResourceSample> series = new ArrayList<>();
    double cpuSeconds = 0;
    long first = readings.isEmpty() ? 0 : readings.get(0).nanoTime();
    for (int i = 1; i < readings.size(); i++) {
      Reading r = readings.get(i);
      cpuSeconds += r.cores() * (r.nanoTime() - readings.get(i - 1).nanoTime()) / 1e9;
      series.add(new ResourceSample((r.nanoTime() - first) / 1e9, r.cores(), r.memBytes(), 0));
    }
    double wall = readings.size() < 2 ? 0 : (readings.get(readings.size() - 1).nanoTime() - first) / 1e9;
    return new ResourceUsage("docker stats " + container, cpuSeconds, wall > 0 ? cpuSeconds / wall : 0,
        readings.stream().mapToDouble(Reading::cores).max().orElse(0),
        readings.stream().mapToLong(Reading::memBytes).max().orElse(0),
        Math.round(readings.stream().mapToLong(Reading::memBytes).average().orElse(0)), readings.size(), series,
        "container memory as docker reports it (cgroup usage minus page cache)");
  }

  /** One docker stats answer: cores busy (100% = 1 core) and memory in bytes. */
  record Reading(long nanoTime, double cores, long memBytes) {}
}
