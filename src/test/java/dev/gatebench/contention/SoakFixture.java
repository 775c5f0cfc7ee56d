package dev.gatebench.contention;

import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.upstream.FaultKind;
import dev.gatebench.upstream.FaultPlan;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.time.Duration;
import java.util.List;

/** A short soak against a mock in this JVM, as the soak suite runs one row: about 12 s. */
final class SoakFixture implements AutoCloseable {
  // the suite's bounds; keeping 20 kB 40 times a second grows ~480 MiB per 10 minutes. The warm-up outlasts
  // the generator's first use of each of its 160 VUs (4 s at 40/s), each opening a connection
  static final SoakPlan PLAN = new SoakPlan(40, Duration.ofSeconds(12), 5_000,
      FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.05), 0.4, 50, 100, Duration.ofMillis(250));

  final MockUpstream mock = MockUpstream.builder()
      .latency(LatencyProfile.fixed(Duration.ofMillis(5), Duration.ofMillis(1))).outputTokens(10).start();

  String directUrl() {
    return mock.baseUrl() + "/v1/chat/completions";
  }

  SoakResult soak(MemoryProbe probe, String url) {
    try (MockUpstream.FaultScope faults = mock.injecting(PLAN.faults());
        MemorySampler sampler = new MemorySampler(probe, PLAN.sampleEvery())) {
      sampler.start();
      ChatRequestFactory requests = ChatRequestFactory.of("claude-sonnet-4-5-20250929", 10, 0.7, false,
          List.of(Prompts.ofTokens(PLAN.promptTokens())));
      RunResult run = StandardMetrics.runner(LoadEngine.of(requests)).run("soak", Target.of("row", url), PLAN.scenario());
      return new SoakResult(PLAN, probe.describe(), LatencyFigures.of(run), sampler.stop(), sampler.gone());
    }
  }

  @Override
  public void close() {
    mock.close();
  }
}
