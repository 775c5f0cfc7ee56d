package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.RequestOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HttpDriverTest {
  private static final long MS = 1_000_000L;

  static RecordingSink run(ScriptedServer server, Scenario scenario, boolean stream, Duration timeout)
      throws Exception {
    RecordingSink sink = new RecordingSink();
    LoadEngine engine = new LoadEngine(ChatRequestFactory.of("test-model", 16, 0.7, stream), timeout, 1);
    engine.start(scenario, server.target(), sink).finished().get(30, TimeUnit.SECONDS);
    return sink;
  }

  static RequestOutcome single(ScriptedServer.Script script, boolean stream, Duration timeout) throws Exception {
    try (ScriptedServer server = ScriptedServer.start(script)) {
      RecordingSink sink = run(server, Scenario.perVuIterations(1, 1), stream, timeout);
      assertThat(sink.outcomes).as("one request, one outcome").hasSize(1);
      assertThat(sink.started).hasValue(1);
      return sink.outcomes.get(0);
    }
  }

  @Test
  void aValidCompletionIsASuccessWithItsUsageTokens() throws Exception {
    RequestOutcome outcome = single(r -> r.json(200, ScriptedServer.COMPLETION), false, Duration.ofSeconds(10));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.outputTokens()).isEqualTo(7);
    assertThat(outcome.firstByteNanos()).isBetween(outcome.startNanos(), outcome.endNanos());
    assertThat(outcome.intendedStartNanos()).as("closed model: intended = actual start").isEqualTo(outcome.startNanos());
    assertThat(outcome.firstTokenNanos()).isEqualTo(RequestOutcome.UNSET);
  }

  @Test
  void aNon200StatusIsAnHttpStatusError() throws Exception {
    RequestOutcome outcome = single(r -> r.json(503, "{\"error\":\"overloaded\"}"), false, Duration.ofSeconds(10));

    assertThat(outcome.error()).isEqualTo(ErrorKind.HTTP_STATUS);
    assertThat(outcome.status()).isEqualTo(503);
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() throws Exception {
    RequestOutcome outcome = single(r -> r.json(200, "<html>oops</html>"), false, Duration.ofSeconds(10));

    assertThat(outcome.error()).isEqualTo(ErrorKind.MALFORMED_BODY);
  }

  @Test
  void aCompletionWithEmptyChoicesFailsTheCheck() throws Exception {
    RequestOutcome outcome = single(r -> r.json(200, "{\"choices\":[]}"), false, Duration.ofSeconds(10));

    assertThat(outcome.error()).isEqualTo(ErrorKind.MALFORMED_BODY);
  }

  @Test
  void aConnectionResetMidResponseIsAReset() throws Exception {
    RequestOutcome outcome = single(ScriptedServer.Reply::reset, false, Duration.ofSeconds(10));

    assertThat(outcome.error()).isEqualTo(ErrorKind.RESET);
  }

  @Test
  void noAnswerWithinTheRequestTimeoutIsATimeout() throws Exception {
    RequestOutcome outcome = single(r -> Thread.sleep(5_000), false, Duration.ofMillis(300));

    assertThat(outcome.error()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(outcome.latencyNanos()).isGreaterThanOrEqualTo(300 * MS);
  }

  @Test
  void aStreamRecordsFirstTokenGapsAndUsage() throws Exception {
    RequestOutcome outcome = single(r -> {
      r.sseHead();
      r.event("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
      Thread.sleep(100);
      r.delta("Hel");
      Thread.sleep(60);
      r.delta("lo");
      Thread.sleep(60);
      r.delta("!");
      r.event("{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3}}");
      r.event("[DONE]");
      r.endStream();
    }, true, Duration.ofSeconds(10));

    assertThat(outcome.success()).as("error %s", outcome.error()).isTrue();
    assertThat(outcome.timeToFirstTokenNanos()).as("role-only delta is not a token").isGreaterThanOrEqualTo(100 * MS);
    assertThat(outcome.firstTokenNanos()).isGreaterThan(outcome.firstByteNanos());
    assertThat(outcome.tokenGapsNanos()).hasSize(2);
    assertThat(java.util.Arrays.stream(outcome.tokenGapsNanos()).min().getAsLong()).isGreaterThanOrEqualTo(50 * MS);
    assertThat(outcome.outputTokens()).isEqualTo(3);
  }

  @Test
  void aStreamWithoutUsageCountsItsDeltas() throws Exception {
    RequestOutcome outcome = single(r -> {
      r.sseHead();
      r.chunk("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\r\n\r\ndata: {\"choices\":[{\"delta\":");
      r.chunk("{\"content\":\"b\"}}]}\r\n\r\ndata: [DONE]\r\n\r\n");
      r.endStream();
    }, true, Duration.ofSeconds(10));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.outputTokens()).as("events split across chunks, CRLF lines").isEqualTo(2);
  }

  @Test
  void aStreamEndingWithoutDoneIsMalformed() throws Exception {
    RequestOutcome outcome = single(r -> {
      r.sseHead();
      r.delta("a");
      r.endStream();
    }, true, Duration.ofSeconds(10));

    assertThat(outcome.error()).isEqualTo(ErrorKind.MALFORMED_STREAM);
  }

  @Test
  void aStreamWithBrokenJsonIsMalformed() throws Exception {
    RequestOutcome outcome = single(r -> {
      r.sseHead();
      r.event("{\"choices\":[{\"delta\":");
      r.event("[DONE]");
      r.endStream();
    }, true, Duration.ofSeconds(10));

    assertThat(outcome.error()).isEqualTo(ErrorKind.MALFORMED_STREAM);
  }

  @Test
  void eachVuKeepsItsConnectionAlive() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      RecordingSink sink = run(server, Scenario.perVuIterations(2, 5), false, Duration.ofSeconds(10));

      assertThat(sink.outcomes).hasSize(10).allMatch(RequestOutcome::success);
      assertThat(server.connections).as("the probe, then one connection per VU").hasValue(1 + 2);
    }
  }

  @Test
  void aRunIsClosedOnceEveryConnectionOfItIs() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> {
      Thread.sleep(200);
      r.json(200, ScriptedServer.COMPLETION);
    })) {
      LoadEngine engine = new LoadEngine(ChatRequestFactory.of("test-model", 16, 0.7, false), Duration.ofSeconds(10), 1);
      ScenarioRun run = engine.start(Scenario.perVuIterations(3, 2), server.target(), new RecordingSink());

      assertThat(run.awaitClosed(Duration.ofMillis(50))).as("still running: not closed within the bound").isFalse();
      run.finished().get(30, TimeUnit.SECONDS);
      assertThat(run.awaitClosed(Duration.ofSeconds(5))).isTrue();
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (server.hungUp.get() < server.connections.get() && System.nanoTime() < deadline) Thread.sleep(10);
      assertThat(server.hungUp).as("the probe's and every VU's connection closed by the client")
          .hasValue(server.connections.get()).hasValue(1 + 3);
    }
  }

  @Test
  void aVuReconnectsWhenTheServerClosesItsConnection() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.jsonAndClose(ScriptedServer.COMPLETION))) {
      RecordingSink sink = run(server, Scenario.perVuIterations(1, 3), false, Duration.ofSeconds(10));

      assertThat(sink.outcomes).hasSize(3).allMatch(RequestOutcome::success);
      assertThat(server.connections).as("the probe, then one per request").hasValue(1 + 3);
    }
  }

  @Test
  void sendsTheConfiguredChatRequest() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      run(server, Scenario.perVuIterations(1, 2), true, Duration.ofSeconds(10));

      assertThat(server.bodies.get(0)).contains("\"model\":\"test-model\"", "\"max_tokens\":16", "\"stream\":true",
          "\"stream_options\":{\"include_usage\":true}", ChatRequestFactory.DEFAULT_PROMPTS.get(0));
      assertThat(server.bodies.get(1)).as("round-robin over the prompts").contains(ChatRequestFactory.DEFAULT_PROMPTS.get(1));
    }
  }

  @Test
  void anUnreachableTargetFailsBeforeTheRunNamingTheUrlAndTheFix() throws IOException {
    int freePort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freePort = probe.getLocalPort();
    }
    Target target = Target.of("gw", "http://127.0.0.1:" + freePort + "/v1/chat/completions");
    LoadEngine engine = LoadEngine.of(ChatRequestFactory.of("m", 10, 0.7, false));

    assertThatThrownBy(() -> engine.start(Scenario.perVuIterations(1, 1), target, new RecordingSink()))
        .isInstanceOf(TargetUnreachableException.class)
        .hasMessage("target 'gw' at http://127.0.0.1:" + freePort + "/v1/chat/completions is unreachable "
            + "(Connection refused); start the gateway or fix its URL");
  }

  @Test
  void aTargetThatGoesAwayMidRunGivesConnectRefused() throws Exception {
    // Once the listener closes, its port is free: another process on the machine may bind it before
    // the second request connects, and answer it. That is seen (our server got one request, yet the
    // second succeeded) and the run is repeated on a fresh port.
    for (int attempt = 1; ; attempt++) {
      AtomicReference<ScriptedServer> self = new AtomicReference<>();
      try (ScriptedServer server = ScriptedServer.start(r -> {
        self.get().close();
        r.jsonAndClose(ScriptedServer.COMPLETION);
      })) {
        self.set(server);
        RecordingSink sink = run(server, Scenario.perVuIterations(1, 2), false, Duration.ofSeconds(10));

        boolean answeredElsewhere = server.requests.get() == 1 && sink.outcomes.size() == 2
            && sink.outcomes.get(1).success();
        if (answeredElsewhere && attempt < 3) continue;
        assertThat(server.requests).as("requests the closed server answered").hasValue(1);
        assertThat(sink.outcomes).extracting(RequestOutcome::error).containsExactly(null, ErrorKind.CONNECT_REFUSED);
        return;
      }
    }
  }

}
