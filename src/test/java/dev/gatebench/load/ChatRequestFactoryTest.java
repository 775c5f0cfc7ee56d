package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatRequestFactoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesAnOpenAiChatCompletionBody() throws Exception {
    JsonNode body = JSON.readTree(ChatRequestFactory.of("claude-x", 100, 0.7, false).next());

    assertThat(body.get("model").asText()).isEqualTo("claude-x");
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(body.at("/messages/0/content").asText()).isEqualTo("What is 2 + 2? Answer with just the number.");
    assertThat(body.get("max_tokens").asInt()).isEqualTo(100);
    assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
    assertThat(body.get("stream").asBoolean()).isFalse();
    assertThat(body.has("stream_options")).as("only when streaming").isFalse();
  }

  @Test
  void asksForUsageWhenStreaming() throws Exception {
    JsonNode body = JSON.readTree(ChatRequestFactory.of("m", 10, 0, true).next());

    assertThat(body.get("stream").asBoolean()).isTrue();
    assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
  }

  @Test
  void cyclesThroughThePromptsInOrder() throws Exception {
    ChatRequestFactory factory = ChatRequestFactory.of("m", 10, 0, false);

    List<String> prompts = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) prompts.add(JSON.readTree(factory.next()).at("/messages/0/content").asText());

    assertThat(prompts.subList(0, 5)).isEqualTo(ChatRequestFactory.DEFAULT_PROMPTS);
    assertThat(prompts.get(5)).isEqualTo(ChatRequestFactory.DEFAULT_PROMPTS.get(0));
  }

  @Test
  void encodesAWholeHttpRequestWithTheTargetsHeaders() {
    Target target = Target.of("litellm", "http://127.0.0.1:4000/v1/chat/completions")
        .withHeader("Authorization", "Bearer sk-test");
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    String request = new String(RawRequests.encode(target, body, true), StandardCharsets.ISO_8859_1);

    assertThat(request).startsWith("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n")
        .contains("Content-Length: 2\r\n", "Accept: text/event-stream\r\n", "Authorization: Bearer sk-test\r\n")
        .endsWith("\r\n\r\n{}");
  }

  @Test
  void rejectsANonPositiveMaxTokens() {
    assertThatThrownBy(() -> ChatRequestFactory.of("m", 0, 0.7, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max_tokens must be >= 1 but was 0");
  }

  @Test
  void rejectsATargetThatIsNotPlainHttp() {
    assertThatThrownBy(() -> Target.of("gw", "https://api.example.com/v1/chat/completions"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target 'gw' URL must be http://host:port/path but was 'https://api.example.com/v1/chat/completions'");
  }

  @Test
  void aTargetNeverPrintsItsHeaderValues() {
    Target target = Target.of("litellm", "http://127.0.0.1:4000/v1/chat/completions")
        .withHeader("Authorization", "Bearer sk-secret");

    assertThat(target.toString()).contains("Authorization").doesNotContain("sk-secret");
  }
}
