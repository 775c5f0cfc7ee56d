package dev.gatebench.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.metrics.resources.ProcessTreeSampler;
import dev.gatebench.metrics.resources.ResourceUsage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The resource figures recorded for a real LiteLLM (a Python process tree) and for the Direct row
 * (this JVM), checked against {@code ps} and the kernel scheduler read at the same moment.
 */
@Tag("slow")
class GatewayResourcesTest {
  private static final String BODY = "{\"model\":\"claude-sonnet-4-5-20250929\",\"max_tokens\":20,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  @Test
  void liteLlmCpuAndMemoryAgreeWithPsAndTheScheduler() throws Exception {
    assumeThat(Path.of("/proc/self/schedstat")).as("needs Linux /proc").exists();
    BenchConfig config = BenchConfig.of(Map.of("gatebench.gateways", "litellm", "gatebench.stack", "processes",
        "gatebench.mock.ttft", "5ms", "gatebench.mock.itl", "1ms"), Map.of(), Map.of());
    try (BenchStack stack = BenchStack.start(config)) {
      Gateway litellm = stack.availability().getFirst().gateway().orElseThrow();
      long pid = litellm.pid().orElseThrow();
      ProcessTreeSampler sampler = ProcessTreeSampler.create();
      double schedBefore = schedSeconds(pid);
      sampler.start(pid);
      send(litellm, 60);
      ProcessTreeSampler.Snapshot snapshot = sampler.snapshot(pid);
      long psRssKib = psRssKib(pid);
      double schedNow = schedSeconds(pid);
      ResourceUsage usage = sampler.stop();
      double schedAfter = schedSeconds(pid);

      System.out.printf("litellm: rss %d KiB (ps %d KiB); cpu %.2f s (scheduler %.2f s); run %.2f CPU-s "
          + "(scheduler %.2f s), peak %.0f MiB%n", snapshot.rssBytes() / 1024, psRssKib, snapshot.cpuSeconds(),
          schedNow, usage.cpuSeconds(), schedAfter - schedBefore, usage.rssPeakBytes() / 1048576.0);
      assertThat(snapshot.rssBytes() / 1024.0).as("RSS vs ps rss=").isCloseTo(psRssKib, withinPercentage(10));
      assertThat(snapshot.cpuSeconds()).as("CPU vs scheduler").isCloseTo(schedNow, withinPercentage(10));
      assertThat(usage.cpuSeconds()).as("CPU over the run vs scheduler")
          .isCloseTo(schedAfter - schedBefore, withinPercentage(10));
      assertThat(usage.cpuSeconds()).as("60 requests cost LiteLLM some CPU").isGreaterThan(0.05);
    }
  }

  @Test
  void directRowsJvmMemoryAgreesWithPs() throws Exception {
    long self = ProcessHandle.current().pid();
    ProcessTreeSampler.Snapshot snapshot = ProcessTreeSampler.create().snapshot(self);
    long psRssKib = psRssKib(self);

    assertThat(snapshot.rssBytes() / 1024.0).as("JVM RSS vs ps rss=").isCloseTo(psRssKib, withinPercentage(10));
  }

  private static void send(Gateway gateway, int requests) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.chatCompletionsUrl())
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(BODY));
    gateway.authHeaders().forEach(request::header);
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("LiteLLM answer %s", response.body()).isEqualTo(200);
    }
  }

  /** RSS summed over the tree, as {@code ps} reports it, KiB. */
  private static long psRssKib(long rootPid) throws IOException, InterruptedException {
    List<String> pids = ProcessHandle.of(rootPid).orElseThrow().descendants()
        .map(p -> Long.toString(p.pid())).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    pids.add(Long.toString(rootPid));
    Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", String.join(",", pids)).start();
    assertThat(ps.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines()
        .mapToLong(line -> Long.parseLong(line.strip())).sum();
  }

  /**
   * The scheduler's run time of the whole tree, seconds: the first field of every thread's
   * {@code /proc/<pid>/task/<tid>/schedstat} (ns), summed; exact, unlike clock ticks.
   */
  private static double schedSeconds(long rootPid) throws IOException {
    long nanos = 0;
    List<Long> pids = new java.util.ArrayList<>(ProcessHandle.of(rootPid).orElseThrow().descendants()
        .map(ProcessHandle::pid).toList());
    pids.add(rootPid);
    for (long pid : pids) {
      try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path task : tasks.toList()) {
          nanos += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
        }
      }
    }
    return nanos / 1e9;
  }
}
