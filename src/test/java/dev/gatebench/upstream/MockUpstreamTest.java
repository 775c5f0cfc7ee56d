package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mock's public surface: builder, routes, deterministic answers, counters and lifecycle. */
class MockUpstreamTest {

  @Test
  void bindsLoopbackOnAFreePortAndAnswersHealth() {
    try (MockUpstream mock = MockUpstream.builder().start()) {
      assertThat(mock.port()).isBetween(1, 65535);
      assertThat(mock.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + mock.port());
      assertThat(Http.get(mock.baseUrl(), "/health").statusCode()).isEqualTo(200);
      assertThat(mock.counters().requests("/health")).isEqualTo(1);
    }
  }

  @Test
  void usesEpollOnLinuxAndServesStreamsOnTheNioFallbackToo() {
    assertThat(Transport.best().name()).isEqualTo("epoll");
    try (MockUpstream mock = MockUpstream.builder().outputTokens(4)
        .latency(LatencyProfile.fixed(Duration.ofMillis(5), Duration.ofMillis(2))).start(Transport.nio())) {
      String stream = Http.post(mock.baseUrl(), "/v1/chat/completions",
          "{\"model\":\"m\",\"stream\":true,\"messages\":[]}").body();

      assertThat(mock.describe()).containsEntry("transport", "nio");
      assertThat(stream.split(java.util.regex.Pattern.quote("\"delta\":{\"content\":\""), -1)).as("4 content deltas").hasSize(5);
      assertThat(stream).endsWith("data: [DONE]\n\n");
    }
  }

  @Test
  void answersPipelinedRequestsInOrderEvenWhenTheFirstIsDelayed() throws Exception {
    try (MockUpstream mock = MockUpstream.builder().outputTokens(2).start();
        Socket socket = new Socket("127.0.0.1", mock.port())) {
      socket.setSoTimeout(10_000);
      String slow = "POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-mock-ttft-ms: 100\r\ncontent-length: "
          + Http.ANTHROPIC_BODY.length() + "\r\n\r\n" + Http.ANTHROPIC_BODY;
      String fast = "GET /health HTTP/1.1\r\nHost: x\r\nconnection: close\r\n\r\n";
      socket.getOutputStream().write((slow + fast).getBytes(StandardCharsets.US_ASCII));
      String both = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(both.indexOf("\"type\":\"message\"")).as("message first").isPositive()
          .isLessThan(both.indexOf("{\"status\":\"ok\"}"));
    }
  }

  @Test
  void builderIsImmutable() {
    MockUpstream.Builder base = MockUpstream.builder();
    MockUpstream.Builder changed = base.outputTokens(7);

    assertThat(changed).isNotSameAs(base);
    try (MockUpstream mock = base.start()) {
      assertThat(mock.describe()).containsEntry("outputTokens", 100);
    }
  }

  @Test
  void rejectsInvalidBuilderValuesNamingParameterRuleAndValue() {
    assertThatThrownBy(() -> MockUpstream.builder().outputTokens(0))
        .hasMessage("outputTokens must be in [1, 1000000] but was 0");
    assertThatThrownBy(() -> MockUpstream.builder().port(70_000))
        .hasMessage("port must be in [0, 65535] but was 70000");
  }

  @Test
  void sameSeedGivesTheSameTextAndAnotherSeedAnotherText() {
    String first = text(42);
    assertThat(text(42)).isEqualTo(first);
    assertThat(text(43)).isNotEqualTo(first);
  }

  @Test
  void cutsTheAnswerAtMaxTokensAndSaysSo() {
    try (MockUpstream mock = MockUpstream.builder().outputTokens(10).start()) {
      JsonNode cut = Http.json(Http.post(mock.baseUrl(), "/v1/messages",
          "{\"model\":\"m\",\"max_tokens\":4,\"messages\":[]}").body());
      JsonNode full = Http.json(Http.post(mock.baseUrl(), "/v1/chat/completions",
          "{\"model\":\"m\",\"max_tokens\":40,\"messages\":[]}").body());

      assertThat(cut.path("stop_reason").asText()).isEqualTo("max_tokens");
      assertThat(cut.path("usage").path("output_tokens").asInt()).isEqualTo(4);
      assertThat(full.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
      assertThat(full.path("usage").path("completion_tokens").asInt()).isEqualTo(10);
    }
  }

  @Test
  void estimatesInputTokensFromThePromptDeterministically() {
    try (MockUpstream mock = MockUpstream.builder().start()) {
      String shortPrompt = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      String longPrompt = "{\"model\":\"m\",\"system\":\"" + "x".repeat(400) + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

      int small = inputTokens(mock, shortPrompt);
      assertThat(inputTokens(mock, shortPrompt)).isEqualTo(small);
      assertThat(inputTokens(mock, longPrompt)).isEqualTo(small + 100);
    }
  }

  @Test
  void listsModelsInOpenAisShape() {
    try (MockUpstream mock = MockUpstream.builder().start()) {
      JsonNode models = Http.json(Http.get(mock.baseUrl(), "/v1/models").body());

      assertThat(models.path("object").asText()).isEqualTo("list");
      assertThat(models.path("data").path(0).path("object").asText()).isEqualTo("model");
    }
  }

  @Test
  void countsRequestsPerRouteAndResponsesPerStatusAndResets() {
    try (MockUpstream mock = MockUpstream.builder().start()) {
      Http.validAnthropic(mock.baseUrl());
      Http.post(mock.baseUrl(), "/v1/chat/completions", Http.OPENAI_BODY, "x-mock-fault", "500");

      assertThat(mock.counters().requests("/v1/messages")).isEqualTo(1);
      assertThat(mock.counters().requests("/v1/chat/completions")).isEqualTo(1);
      assertThat(mock.counters().totalRequests()).isEqualTo(2);
      assertThat(mock.counters().responses(200)).isEqualTo(1);
      assertThat(mock.counters().responses(500)).isEqualTo(1);
      assertThat(mock.counters().faults(FaultKind.SERVER_ERROR)).isEqualTo(1);
      mock.counters().reset();
      assertThat(mock.counters().totalResponses()).isZero();
    }
  }

  @Test
  void describesLatencyFaultsSeedAndTokensAsPlainValues() {
    LatencyProfile latency = LatencyProfile.fixed(Duration.ofMillis(250), Duration.ofMillis(10));
    try (MockUpstream mock = MockUpstream.builder().latency(latency).seed(5).outputTokens(20)
        .faults(FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.05)).start()) {
      Map<String, Object> description = mock.describe();

      assertThat(description).containsEntry("seed", 5L).containsEntry("outputTokens", 20)
          .containsEntry("latency", latency.describe());
      assertThat(description.get("faults")).isEqualTo(mock.faults().describe());
      assertThat(mock.latency()).isEqualTo(latency);
    }
  }

  @Test
  void writesTheCaCertificateAsPem() throws Exception {
    try (MockUpstream mock = MockUpstream.builder().start()) {
      assertThat(Files.readString(mock.caCertificatePem())).startsWith("-----BEGIN CERTIFICATE-----");
    }
  }

  @Test
  void closeIsIdempotentAndFreesThePort() {
    MockUpstream mock = MockUpstream.builder().start();
    int port = mock.port();
    mock.close();
    mock.close();

    try (MockUpstream again = MockUpstream.builder().port(port).start()) {
      assertThat(again.port()).isEqualTo(port);
    }
  }

  @Test
  void failingToBindNamesHostAndPort() {
    try (MockUpstream mock = MockUpstream.builder().start()) {
      assertThatThrownBy(() -> MockUpstream.builder().port(mock.port()).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("mock upstream could not bind 127.0.0.1:" + mock.port());
    }
  }

  private static String text(long seed) {
    try (MockUpstream mock = MockUpstream.builder().seed(seed).outputTokens(8).start()) {
      return Http.json(Http.validAnthropic(mock.baseUrl()).body()).path("content").path(0).path("text").asText();
    }
  }

  private static int inputTokens(MockUpstream mock, String body) {
    return Http.json(Http.post(mock.baseUrl(), "/v1/messages", body).body()).path("usage").path("input_tokens").asInt();
  }
}
