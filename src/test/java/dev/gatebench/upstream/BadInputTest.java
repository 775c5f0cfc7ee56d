package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Client mistakes get a 4xx in the API's own error shape, and the mock keeps serving. */
class BadInputTest {

  private static MockUpstream mock;

  @BeforeAll
  static void start() {
    mock = MockUpstream.builder().outputTokens(3).start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("malformed JSON", Api.ANTHROPIC, "POST", "/v1/messages", "{\"model\":", 400, "not valid JSON"),
        Arguments.of("malformed JSON", Api.OPENAI, "POST", "/v1/chat/completions", "[1,", 400, "JSON"),
        Arguments.of("missing model", Api.ANTHROPIC, "POST", "/v1/messages", "{\"messages\":[]}", 400, "model"),
        Arguments.of("missing model", Api.OPENAI, "POST", "/v1/chat/completions", "{\"messages\":[]}", 400, "model"),
        Arguments.of("missing messages", Api.ANTHROPIC, "POST", "/v1/messages", "{\"model\":\"m\"}", 400, "messages"),
        Arguments.of("missing messages", Api.OPENAI, "POST", "/v1/chat/completions", "{\"model\":\"m\"}", 400, "messages"),
        Arguments.of("bad max_tokens", Api.ANTHROPIC, "POST", "/v1/messages",
            "{\"model\":\"m\",\"max_tokens\":0,\"messages\":[]}", 400, "max_tokens"),
        Arguments.of("unknown route", Api.OPENAI, "POST", "/v1/embeddings", "{}", 404, "no route"),
        Arguments.of("wrong method", Api.ANTHROPIC, "GET", "/v1/messages", "", 405, "POST"),
        Arguments.of("wrong method", Api.OPENAI, "DELETE", "/v1/models", "", 405, "GET"));
  }

  @ParameterizedTest(name = "{0} on {3} -> {5}")
  @MethodSource("badRequests")
  void answersABadRequestInTheApisErrorShapeAndKeepsServing(String why, Api api, String method, String path,
      String body, int status, String messagePart) {
    HttpRequest.Builder request = HttpRequest.newBuilder(mock.baseUrl().resolve(path))
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = Http.send(request);

    assertThat(response.statusCode()).as(why).isEqualTo(status);
    assertErrorShape(api, Http.json(response.body()), status, messagePart);
    assertThat(Http.validAnthropic(mock.baseUrl()).statusCode()).as("next valid request").isEqualTo(200);
  }

  @Test
  void answersAnOversizedBodyWith413AndKeepsServing() throws IOException {
    String head = "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n"
        + "content-length: " + (MockInitializer.MAX_BODY_BYTES + 1) + "\r\n\r\n";
    String response;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
    }

    assertThat(response).startsWith("HTTP/1.1 413");
    assertErrorShape(Api.ANTHROPIC, Http.json(response.substring(response.indexOf("\r\n\r\n") + 4)), 413, "exceeds");
    assertThat(mock.counters().responses(413)).isGreaterThanOrEqualTo(1);
    assertThat(Http.validAnthropic(mock.baseUrl()).statusCode()).isEqualTo(200);
  }

  @Test
  void countsUnknownRoutesUnderOneName() {
    long before = mock.counters().requests(MockCounters.UNKNOWN_ROUTE);
    Http.get(mock.baseUrl(), "/v2/whatever");

    assertThat(mock.counters().requests(MockCounters.UNKNOWN_ROUTE)).isEqualTo(before + 1);
  }

  private static void assertErrorShape(Api api, JsonNode error, int status, String messagePart) {
    if (api == Api.ANTHROPIC) {
      assertThat(error.path("type").asText()).isEqualTo("error");
      assertThat(error.path("error").path("type").asText()).isEqualTo(Api.anthropicType(status));
    } else {
      assertThat(error.path("error").has("param")).as("OpenAI error has param").isTrue();
      assertThat(error.path("error").has("code")).as("OpenAI error has code").isTrue();
      assertThat(error.path("error").path("type").asText()).isEqualTo(Api.openAiType(status));
    }
    assertThat(error.path("error").path("message").asText()).contains(messagePart);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }
}
