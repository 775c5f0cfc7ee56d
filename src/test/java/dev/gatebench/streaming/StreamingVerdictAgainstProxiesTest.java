package dev.gatebench.streaming;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streaming verdict on real runs through the load engine: Direct (the mock itself) streams
 * faithfully; a proxy that stores and replays the stream, and one that holds the headers until
 * content, are caught. About 2.5 s a run.
 */
class StreamingVerdictAgainstProxiesTest {
  private static final Duration TTFT = Duration.ofMillis(100);
  private static final Duration ITL = Duration.ofMillis(5);
  private static final int TOKENS = 40;
  private static MockUpstream mock;

  @BeforeAll
  static void startMock() {
    mock = MockUpstream.builder().latency(LatencyProfile.fixed(TTFT, ITL)).start();
  }

  @AfterAll
  static void stopMock() {
    mock.close();
  }

  @Test
  void theMockCalledDirectlyStreamsFaithfullyAndPassesEveryCheck() {
    StreamingAssessment direct = judge(mock.baseUrl() + "/v1/chat/completions");

    assertThat(direct.verdict()).as("Direct; reasons %s", direct.reasons()).isEqualTo(StreamVerdict.FAITHFUL);
    assertThat(direct.failures()).as("Direct's failed checks").isEmpty();
  }

  @Test
  void aProxyThatStoresTheStreamAndReplaysItIsCaughtBuffering() throws IOException {
    try (MisbehavingProxy proxy = MisbehavingProxy.start(mock.baseUrl(), Fault.BUFFERS)) {
      StreamingAssessment buffering = judge(proxy.chatCompletionsUrl());

      assertThat(buffering.verdict()).as("reasons %s", buffering.reasons()).isEqualTo(StreamVerdict.BUFFERS);
      assertThat(buffering.passed()).as("passed").isFalse();
      assertThat(buffering.figures().ttftP50Ms()).as("TTFT p50, ms; the mock's last delta at %.0f ms",
          buffering.mock().answerMs()).isGreaterThan(buffering.mock().answerMs() * 0.9);
    }
  }

  @Test
  void aProxyThatHoldsTheHeadersUntilTheFirstDeltaIsCaught() throws IOException {
    try (MisbehavingProxy proxy = MisbehavingProxy.start(mock.baseUrl(), Fault.HOLDS_HEADERS)) {
      StreamingAssessment holding = judge(proxy.chatCompletionsUrl());

      assertThat(holding.verdict()).as("reasons %s", holding.reasons()).isEqualTo(StreamVerdict.HOLDS_HEADERS);
      assertThat(holding.passed()).as("passed").isFalse();
    }
  }

  /** Two VUs stream for two seconds against {@code url}; judged with the mock's counters of that run. */
  private static StreamingAssessment judge(String url) {
    mock.counters().reset();
    ChatRequestFactory requests = ChatRequestFactory.of("claude-sonnet-4-5-20250929", TOKENS, 0.7, true);
    RunResult run = StandardMetrics.runner(LoadEngine.of(requests))
        .run("streaming", Target.of("row", url), Scenario.constantVus(2, Duration.ofSeconds(2)));
    return StreamingAssessment.judge(run, MockStreams.of(mock.latency(), mock.counters()));
  }
}
