package dev.gatebench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.proxies.MisbehavingProxy;
import dev.gatebench.proxies.MisbehavingProxy.Fault;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The capacity sweep on real runs through the load engine: Direct holds the bound to the plan's
 * maximum, 16/s; a proxy that serves one request at a time (at most 9 answers/s here) is past its
 * knee below that. About 13 s.
 */
class CapacityAgainstProxiesTest {
  private static final Duration TTFT = Duration.ofMillis(50);
  private static final Duration ITL = Duration.ofMillis(2);
  private static final int TOKENS = 30;
  private static final Duration EXPECTED = TTFT.plus(ITL.multipliedBy(TOKENS - 1));
  private static final SweepPlan PLAN = new SweepPlan(8, 2.0, Duration.ofSeconds(1), 16);
  /** Above what one answer at a time can serve (1 / 108 ms = 9/s); Direct serves it with ease. */
  private static final long REQUIRED_RATE = 16;

  @Test
  void aProxyThatSerialisesRequestsFallsShortOfTheRequiredRateWhileDirectHoldsTheBoundToTheMaximum() throws IOException {
    CapacitySweeper sweeper = new CapacitySweeper(PLAN, KneeRule.DEFAULT, EXPECTED);
    try (MockUpstream mock = MockUpstream.builder().latency(LatencyProfile.fixed(TTFT, ITL)).start();
        MisbehavingProxy serial = MisbehavingProxy.start(mock.baseUrl(), Fault.SERIALISES)) {
      CapacitySweeper.Outcome direct = sweeper.reference(steps(mock.baseUrl() + "/v1/chat/completions"));
      CapacitySweeper.Outcome serialised = sweeper.against(direct.capacity(), steps(serial.chatCompletionsUrl()));

      for (String mode : CapacitySweeper.MODES) {
        assertThat(direct.capacity().sweep(mode).orElseThrow().sustainableRate()).as("Direct, %s", mode).hasValue(16);
        assertThat(serialised.capacity().sweep(mode).orElseThrow().sustainableRate().orElse(0))
            .as("serialising proxy, %s; steps %s", mode, serialised.capacity().sweep(mode).orElseThrow().steps())
            .isLessThan(REQUIRED_RATE);
      }
      assertThat(direct.capacity().failures(REQUIRED_RATE)).as("Direct's failed checks").isEmpty();
      assertThat(serialised.capacity().failures(REQUIRED_RATE)).as("serialising proxy's failed checks").hasSize(2);
    }
  }

  private static CapacitySweeper.Steps steps(String url) {
    return (scenario, stream) -> StandardMetrics.runner(LoadEngine.of(
            ChatRequestFactory.of("claude-sonnet-4-5-20250929", TOKENS, 0.7, stream)))
        .run("capacity", Target.of("row", url), scenario);
  }
}
