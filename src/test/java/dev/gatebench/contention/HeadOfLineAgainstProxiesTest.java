package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.proxies.MisbehavingProxy;
import dev.gatebench.proxies.MisbehavingProxy.Fault;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Head-of-line blocking on real runs: the mock called directly serves short requests beside long streams
 * as fast as alone; a proxy that serves one request at a time makes them wait behind the streams and is
 * caught. Short answers take about 23 ms here, long streams about 200 ms. About 14 s.
 */
class HeadOfLineAgainstProxiesTest {
  private static final HeadOfLinePlan PLAN = new HeadOfLinePlan(20, Duration.ofSeconds(2), 2, 3, 2_000, 60,
      Duration.ofMillis(100));

  @Test
  void aProxyThatSerialisesRequestsIsCaughtWhileDirectPasses() throws IOException {
    try (MockUpstream mock = MockUpstream.builder().latency(LatencyProfile.fixed(Duration.ofMillis(20),
            Duration.ofMillis(3))).start();
        MisbehavingProxy serial = MisbehavingProxy.start(mock.baseUrl(), Fault.SERIALISES)) {
      HeadOfLineResult direct = measure(mock.baseUrl() + "/v1/chat/completions", Optional.empty());
      HeadOfLineResult serialised = measure(serial.chatCompletionsUrl(), Optional.of(direct));

      assertThat(direct.failures()).as("Direct's failed checks; %s", direct.toMap()).isEmpty();
      assertThat(direct.longStreams().requests()).as("long streams that ran beside Direct's short requests").isPositive();
      assertThat(serialised.addedRise().p99Ms()).as("serialising proxy's added p99 rise, ms; %s", serialised.toMap())
          .isGreaterThan(PLAN.bound().toMillis());
      assertThat(serialised.failures()).as("serialising proxy's failed checks")
          .anySatisfy(f -> assertThat(f).startsWith("short requests' p99 rose"));
    }
  }

  private static HeadOfLineResult measure(String url, Optional<HeadOfLineResult> direct) {
    HeadOfLine.Loads loads = new HeadOfLine.Loads() {
      @Override
      public RunResult shortRequests(Scenario scenario, boolean contended) {
        return run(url, scenario, PLAN.shortTokens(), false, ChatRequestFactory.DEFAULT_PROMPTS);
      }

      @Override
      public RunResult longStreams(Scenario scenario) {
        return run(url, scenario, PLAN.longTokens(), true, List.of(Prompts.ofTokens(PLAN.longPromptTokens())));
      }
    };
    HeadOfLine headOfLine = new HeadOfLine(PLAN);
    return headOfLine.beside(headOfLine.alone(loads), loads, direct).result();
  }

  private static RunResult run(String url, Scenario scenario, int tokens, boolean stream, List<String> prompts) {
    ChatRequestFactory requests = ChatRequestFactory.of("claude-sonnet-4-5-20250929", tokens, 0.7, stream, prompts);
    return StandardMetrics.runner(LoadEngine.of(requests)).run("headofline", Target.of("row", url), scenario);
  }
}
