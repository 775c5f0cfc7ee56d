package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault kind, forced with {@code x-mock-fault}, reaches a real HTTP client as described. */
class FaultInjectionTest {

  private static final Duration STALL = Duration.ofMillis(300);
  private static MockUpstream mock;

  @BeforeAll
  static void start() {
    mock = MockUpstream.builder().outputTokens(10)
        .faults(FaultPlan.none().withStall(STALL, false).withRetryAfter(Duration.ofSeconds(3))).start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void rateLimitSends429WithRetryAfterInAnthropicsShape() {
    HttpResponse<String> response = Http.post(mock.baseUrl(), "/v1/messages", Http.ANTHROPIC_BODY, "x-mock-fault", "429");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after")).contains("3");
    assertThat(Http.json(response.body()).path("error").path("type").asText()).isEqualTo("rate_limit_error");
  }

  @Test
  void serverErrorSends500InOpenAisShape() {
    HttpResponse<String> response = Http.post(mock.baseUrl(), "/v1/chat/completions", Http.OPENAI_BODY, "x-mock-fault", "500");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Http.json(response.body()).path("error").path("type").asText()).isEqualTo("server_error");
  }

  @Test
  void overloadSends529WithOverloadedError() {
    HttpResponse<String> response = Http.post(mock.baseUrl(), "/v1/messages", Http.ANTHROPIC_BODY, "x-mock-fault", "529");

    assertThat(response.statusCode()).isEqualTo(529);
    assertThat(Http.json(response.body()).path("error").path("type").asText()).isEqualTo("overloaded_error");
  }

  @Test
  void badRequestSends400ThatSaysTheRequestIsInvalid() {
    HttpResponse<String> response = Http.post(mock.baseUrl(), "/v1/chat/completions", Http.OPENAI_BODY, "x-mock-fault", "400");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
  }

  @Test
  void unauthorizedSends401WithAnAuthenticationErrorInAnthropicsShape() {
    HttpResponse<String> response = Http.post(mock.baseUrl(), "/v1/messages", Http.ANTHROPIC_BODY, "x-mock-fault", "401");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.json(response.body()).path("error").path("type").asText()).isEqualTo("authentication_error");
  }

  @Test
  void connectionResetSendsRstBeforeAnyByte() throws IOException {
    try (Socket socket = rawPost("/v1/messages", Http.ANTHROPIC_BODY, "x-mock-fault: reset")) {
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketException.class).hasMessageContaining("reset");
    }
    assertThat(mock.counters().faults(FaultKind.CONNECTION_RESET)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void disconnectCutsANonStreamingBodyShort() {
    assertThatThrownBy(() -> Http.post(mock.baseUrl(), "/v1/messages", Http.ANTHROPIC_BODY, "x-mock-fault", "disconnect"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void disconnectEndsAStreamHalfWayWithoutMessageStop() throws IOException {
    String stream = readStream("/v1/messages", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}", "disconnect");

    assertThat(stream).contains("content_block_delta").doesNotContain("message_stop");
    assertThat(stream.split("text_delta", -1)).as("5 of 10 deltas then the hang-up").hasSize(6);
  }

  @Test
  void stallPausesTheAnswerThenContinues() {
    long startNanos = System.nanoTime();
    HttpResponse<String> response = Http.post(mock.baseUrl(), "/v1/chat/completions", Http.OPENAI_BODY, "x-mock-fault", "stall");

    assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isGreaterThanOrEqualTo(STALL);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response.body()).path("usage").path("completion_tokens").asInt()).isEqualTo(10);
  }

  @Test
  void stallPausesAStreamHalfWayThenFinishesIt() throws IOException {
    long startNanos = System.nanoTime();
    String stream = readStream("/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}", "stall");

    assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isGreaterThanOrEqualTo(STALL);
    assertThat(stream.split(java.util.regex.Pattern.quote("\"delta\":{\"content\":\""), -1)).as("all 10 content deltas").hasSize(11);
    assertThat(stream).endsWith("data: [DONE]\n\n");
  }

  @Test
  void stallThenCloseEndsAStreamAfterTheStall() throws IOException {
    try (MockUpstream closing = MockUpstream.builder().outputTokens(10)
        .faults(FaultPlan.none().withStall(Duration.ofMillis(100), true)).start()) {
      long startNanos = System.nanoTime();
      String stream = readStream(closing, "/v1/chat/completions",
          "{\"model\":\"m\",\"stream\":true,\"messages\":[]}", "stall");

      assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
      assertThat(stream).contains("\"content\"").doesNotContain("[DONE]");
    }
  }

  @Test
  void malformedBodyIsA200ThatIsNotJson() {
    HttpResponse<String> response = Http.post(mock.baseUrl(), "/v1/messages", Http.ANTHROPIC_BODY, "x-mock-fault", "malformed");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> Http.JSON.readTree(response.body())).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void malformedStreamCarriesOneBrokenEventAndStillFinishes() throws IOException {
    String stream = readStream("/v1/messages", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}", "malformed");

    assertThat(stream).contains("\"delta\":{\"te\n\n").endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
  }

  @Test
  void rejectsAnUnknownFaultHeaderWith400() {
    HttpResponse<String> response = Http.post(mock.baseUrl(), "/v1/messages", Http.ANTHROPIC_BODY, "x-mock-fault", "teapot");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response.body()).path("error").path("message").asText()).contains("x-mock-fault", "teapot");
  }

  @Test
  void injectsExactlyThePlannedServerErrorsOverRealTraffic() {
    FaultPlan plan = FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.10);
    try (MockUpstream faulty = MockUpstream.builder().outputTokens(2).seed(99).faults(plan).start()) {
      for (int i = 0; i < 400; i++) {
        Http.post(faulty.baseUrl(), "/v1/chat/completions", Http.OPENAI_BODY);
      }
      long planned = LongStream.range(0, 400).filter(i -> plan.decide(99, i).isPresent()).count();

      assertThat(faulty.counters().responses(500)).isEqualTo(planned).isBetween(20L, 60L);
      assertThat(faulty.counters().responses(200)).isEqualTo(400 - planned);
      assertThat(faulty.counters().faults(FaultKind.SERVER_ERROR)).isEqualTo(planned);
    }
  }

  private static String readStream(String path, String body, String fault) throws IOException {
    return readStream(mock, path, body, fault);
  }

  /** Reads a response until the server closes or ends the stream; raw so that a cut shows. */
  private static String readStream(MockUpstream target, String path, String body, String fault) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Socket socket = rawPost(target, path, body, "x-mock-fault: " + fault + "\r\nconnection: close")) {
      BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      char[] chunk = new char[8192];
      for (int n; (n = reader.read(chunk)) >= 0; ) {
        text.append(chunk, 0, n);
      }
    }
    String raw = text.toString();
    return dechunk(raw.substring(raw.indexOf("\r\n\r\n") + 4));
  }

  /** Strips HTTP chunk-size lines so tests can read the SSE text. */
  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) break;
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      int end = Math.min(chunked.length(), lineEnd + 2 + size);
      out.append(chunked, lineEnd + 2, end);
      at = end + 2;
    }
    return out.toString();
  }

  private static Socket rawPost(String path, String body, String extraHeaders) throws IOException {
    return rawPost(mock, path, body, extraHeaders);
  }

  private static Socket rawPost(MockUpstream target, String path, String body, String extraHeaders) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", target.port()), 5_000);
    socket.setSoTimeout(10_000);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n"
        + extraHeaders + "\r\ncontent-length: " + bytes.length + "\r\n\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return socket;
  }
}
