package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.proxies.LeakingProxyMain;
import dev.gatebench.upstream.FaultKind;
import dev.gatebench.upstream.FaultPlan;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The soak's memory check on real runs: a proxy in its own JVM that keeps every request body (20 kB each,
 * 40 a second) grows far past the bound by its RSS; the mock called directly, sampled as the Direct row is
 * (this JVM's heap after collections), stays within it. About 12 s a row.
 */
class SoakAgainstProxiesTest {
  // a 200 MiB bound, not the suite's 50: twelve seconds of this JVM's heap read after young collections
  // move by promotion alone (10 MiB in 9 s reads as 100 MiB per 10 minutes), while the leaking proxy's
  // 20 kB x 40 a second grow its RSS at ~480 MiB per 10 minutes
  private static final SoakPlan PLAN = new SoakPlan(40, Duration.ofSeconds(12), 5_000,
      FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.05), 0.25, 200, 100, Duration.ofMillis(250));
  private static MockUpstream mock;

  @BeforeAll
  static void startMock() {
    mock = MockUpstream.builder().latency(LatencyProfile.fixed(Duration.ofMillis(5), Duration.ofMillis(1)))
        .outputTokens(10).start();
  }

  @AfterAll
  static void stopMock() {
    mock.close();
  }

  @Test
  void theMockCalledDirectlyKeepsItsMemoryWithinTheBound() {
    SoakResult direct = soak(new JvmHeapProbe(), mock.baseUrl() + "/v1/chat/completions");

    assertThat(direct.failures()).as("Direct's failed checks; slope %.1f MiB/10 min over %d samples",
        direct.rssSlopeMiBPer10Min(), direct.fitted().size()).isEmpty();
    assertThat(direct.figures().failed()).as("requests failed by the injected 500s").isPositive();
  }

  @Test
  void aProxyThatKeepsEveryRequestBodyIsCaughtGrowing() throws Exception {
    try (ForkedProxy leaking = ForkedProxy.start(LeakingProxyMain.class, mock.baseUrl().toString())) {
      SoakResult leaky = soak(ProcessTreeProbe.of(leaking.pid()), leaking.url());

      assertThat(leaky.rssSlopeMiBPer10Min()).as("slope, MiB per 10 minutes; failures %s", leaky.failures())
          .isGreaterThan(PLAN.rssBoundMiB());
      assertThat(leaky.failures()).as("failed checks").anySatisfy(f -> assertThat(f).startsWith("memory grew"));
      assertThat(leaky.fdMax()).as("descriptors of the proxy's JVM, read from /proc").isPositive();
    }
  }

  private static SoakResult soak(MemoryProbe probe, String url) {
    try (MockUpstream.FaultScope faults = mock.injecting(PLAN.faults());
        MemorySampler sampler = new MemorySampler(probe, PLAN.sampleEvery())) {
      sampler.start();
      ChatRequestFactory requests = ChatRequestFactory.of("claude-sonnet-4-5-20250929", 10, 0.7, false,
          List.of(Prompts.ofTokens(PLAN.promptTokens())));
      RunResult run = StandardMetrics.runner(LoadEngine.of(requests)).run("soak", Target.of("row", url), PLAN.scenario());
      return new SoakResult(PLAN, probe.describe(), LatencyFigures.of(run), sampler.stop(), sampler.gone());
    }
  }
}
