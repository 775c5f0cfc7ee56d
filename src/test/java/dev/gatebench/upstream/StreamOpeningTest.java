package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stream opens as the real APIs open one: headers and the opening events at once, the first
 * content delta only at TTFT; so a gateway that holds bytes back until content shows up.
 */
class StreamOpeningTest {

  private static final Duration TTFT = Duration.ofMillis(600);
  private static final String STREAM_BODY = "{\"model\":\"m\",\"stream\":true,\"max_tokens\":3,"
      + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  static Stream<Arguments> apis() {
    return Stream.of(
        Arguments.of("/v1/messages", "event: ping", "\"text_delta\""),
        Arguments.of("/v1/chat/completions", "\"delta\":{\"role\":\"assistant\",\"content\":\"\"", "\"delta\":{\"content\":\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apis")
  void headersAndOpeningEventsGoOutAtOnceAndTheFirstDeltaAtTtft(String path, String opening, String content)
      throws IOException {
    try (MockUpstream mock = MockUpstream.builder().latency(LatencyProfile.fixed(TTFT, Duration.ofMillis(5))).start();
        Socket socket = post(mock, path)) {
      long sentNanos = System.nanoTime();
      StringBuilder received = new StringBuilder();
      double openingMs = readUntil(socket.getInputStream(), received, opening, sentNanos);
      assertThat(received.toString()).as("bytes before the opening event's end").startsWith("HTTP/1.1 200 OK")
          .doesNotContain(content);
      double contentMs = readUntil(socket.getInputStream(), received, content, sentNanos);

      assertThat(openingMs).as("ms to the opening event, TTFT %s", TTFT).isLessThan(TTFT.toMillis() / 2.0);
      assertThat(contentMs).as("ms to the first content delta").isGreaterThanOrEqualTo(TTFT.toMillis() - 1.0);
    }
  }

  @Test
  void anAnthropicStreamSendsEveryEventOfTheRealApiInItsOrder() throws IOException {
    try (MockUpstream mock = MockUpstream.builder().start(); Socket socket = post(mock, "/v1/messages")) {
      String stream = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      List<String> events = new ArrayList<>();
      Matcher event = Pattern.compile("event: (\\w+)\ndata: \\{\"type\":\"(\\w+)\"").matcher(stream);
      while (event.find()) {
        assertThat(event.group(2)).as("data type of event %s", event.group(1)).isEqualTo(event.group(1));
        events.add(event.group(1));
      }

      assertThat(events).containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
          "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
      assertThat(stream).contains("\"usage\":{\"input_tokens\":")
          .contains("\"stop_reason\":\"max_tokens\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":3}");
    }
  }

  @Test
  void anOpenAiStreamEndsWithTheFinishReasonThenTheUsageChunkThenDone() throws IOException {
    try (MockUpstream mock = MockUpstream.builder().start(); Socket socket = post(mock, "/v1/chat/completions")) {
      String stream = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String[] events = stream.substring(stream.indexOf("data: ")).split("\r\n[0-9a-f]+\r\n|\n\n");
      List<String> data = Stream.of(events).map(String::strip).filter(e -> e.startsWith("data: ")).toList();

      assertThat(data).as("role chunk, 3 content chunks, finish, usage, [DONE]").hasSize(7);
      assertThat(data.get(4)).contains("\"delta\":{},\"logprobs\":null,\"finish_reason\":\"length\"");
      assertThat(data.get(5)).contains("\"choices\":[],\"usage\":{\"prompt_tokens\":")
          .contains("\"completion_tokens\":3");
      assertThat(data.get(6)).isEqualTo("data: [DONE]");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apis")
  void theCountersHoldEveryStreamItsContentDeltasAndTheUsageItReported(String path, String opening, String content)
      throws IOException {
    try (MockUpstream mock = MockUpstream.builder().start()) {
      for (int i = 0; i < 2; i++) {
        try (Socket socket = post(mock, path)) {
          socket.getInputStream().readAllBytes();
        }
      }
      MockCounters counters = mock.counters();

      assertThat(counters.streamsOpened()).as("streams opened").isEqualTo(2);
      assertThat(counters.streamsFinished()).as("streams finished").isEqualTo(2);
      assertThat(counters.contentDeltas()).as("content deltas, 3 a stream (max_tokens 3)").isEqualTo(6);
      assertThat(counters.streamedUsageTokens()).as("completion tokens in the closing usage").isEqualTo(6);
      counters.reset();
      assertThat(counters.contentDeltas()).as("content deltas after reset").isZero();
    }
  }

  /** Sends a streaming request on a raw socket that the server closes after the answer. */
  private static Socket post(MockUpstream mock, String path) throws IOException {
    Socket socket = new Socket("127.0.0.1", mock.port());
    socket.setSoTimeout(10_000);
    socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n"
        + "connection: close\r\ncontent-length: " + STREAM_BODY.length() + "\r\n\r\n" + STREAM_BODY)
        .getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  /** Reads until {@code marker} has arrived; returns the ms since {@code sentNanos} at that read. */
  private static double readUntil(InputStream in, StringBuilder received, String marker, long sentNanos)
      throws IOException {
    byte[] buffer = new byte[8192];
    while (received.indexOf(marker) < 0) {
      int n = in.read(buffer);
      assertThat(n).as("bytes read before '%s' arrived; so far: %s", marker, received).isPositive();
      received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
    return (System.nanoTime() - sentNanos) / 1e6;
  }
}
