package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official Anthropic and OpenAI Java SDKs parse what the mock sends. */
class SdkConformanceTest {

  private static final int TOKENS = 12;
  private static MockUpstream mock;
  private static AnthropicClient anthropic;
  private static OpenAIClient openai;

  @BeforeAll
  static void start() {
    mock = MockUpstream.builder().outputTokens(TOKENS).seed(7)
        .latency(LatencyProfile.fixed(Duration.ofMillis(5), Duration.ofMillis(1))).start();
    anthropic = AnthropicOkHttpClient.builder().baseUrl(mock.baseUrl().toString()).apiKey("test-key")
        .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    openai = OpenAIOkHttpClient.builder().baseUrl(mock.baseUrl() + "/v1").apiKey("test-key")
        .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
  }

  @AfterAll
  static void stop() {
    anthropic.close();
    openai.close();
    mock.close();
  }

  private static MessageCreateParams anthropicParams(long maxTokens) {
    return MessageCreateParams.builder().model("claude-3-5-haiku-20241022").maxTokens(maxTokens)
        .addUserMessage("Say hello to the mock").build();
  }

  @Test
  void anthropicSdkParsesANonStreamingMessage() {
    Message message = anthropic.messages().create(anthropicParams(1000));

    assertThat(message.content()).hasSize(1);
    String text = message.content().get(0).asText().text();
    assertThat(text.split(" ")).as("one word per token").hasSize(TOKENS);
    assertThat(message.usage().outputTokens()).isEqualTo(TOKENS);
    assertThat(message.usage().inputTokens()).isPositive();
    assertThat(message.stopReason()).contains(StopReason.END_TURN);
    assertThat(message.model().asString()).isEqualTo("claude-3-5-haiku-20241022");
  }

  @Test
  void anthropicSdkAccumulatesAStreamWhoseUsageMatchesTheDeltas() {
    MessageAccumulator accumulator = MessageAccumulator.create();
    int deltas = 0;
    try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(anthropicParams(5))) {
      for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) stream.stream()::iterator) {
        accumulator.accumulate(event);
        deltas += event.isContentBlockDelta() ? 1 : 0;
      }
    }
    Message message = accumulator.message();

    assertThat(deltas).isEqualTo(5);
    assertThat(message.usage().outputTokens()).as("usage equals deltas sent").isEqualTo(deltas);
    assertThat(message.stopReason()).contains(StopReason.MAX_TOKENS);
    assertThat(message.content().get(0).asText().text().split(" ")).hasSize(5);
  }

  @Test
  void anthropicSdkSeesTheEventsOfARealStreamInTheirOrder() {
    List<String> kinds = new ArrayList<>();
    try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(anthropicParams(3))) {
      for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) stream.stream()::iterator) {
        kinds.add(kind(event));
        event.messageStart().ifPresent(start -> assertThat(start.message().usage().inputTokens())
            .as("message_start's usage.input_tokens").isPositive());
        event.messageDelta().ifPresent(delta -> assertThat(delta.usage().outputTokens())
            .as("message_delta's usage.output_tokens").isEqualTo(3));
      }
    }

    // The SDK drops ping events; MockUpstreamTest checks them on the wire.
    assertThat(kinds).containsExactly("message_start", "content_block_start", "content_block_delta",
        "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
  }

  private static String kind(RawMessageStreamEvent event) {
    if (event.isMessageStart()) return "message_start";
    if (event.isContentBlockStart()) return "content_block_start";
    if (event.isContentBlockDelta()) return "content_block_delta";
    if (event.isContentBlockStop()) return "content_block_stop";
    if (event.isMessageDelta()) return "message_delta";
    if (event.isMessageStop()) return "message_stop";
    return "other";
  }

  private static boolean hasText(ChatCompletionChunk chunk) {
    return chunk.choices().stream().anyMatch(c -> c.delta().content().filter(t -> !t.isEmpty()).isPresent());
  }

  @Test
  void openAiSdkParsesANonStreamingCompletion() {
    ChatCompletion completion = openai.chat().completions().create(ChatCompletionCreateParams.builder()
        .model("gpt-4o-mini").addUserMessage("Say hello to the mock").maxCompletionTokens(4).build());

    assertThat(completion.choices()).hasSize(1);
    assertThat(completion.choices().get(0).message().content().orElseThrow().split(" ")).hasSize(4);
    assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
    assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(4);
    assertThat(completion.usage().orElseThrow().totalTokens())
        .isEqualTo(4 + completion.usage().orElseThrow().promptTokens());
  }

  @Test
  void openAiSdkStreamsChunksAndAFinalUsageChunk() {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
        .addUserMessage("Say hello to the mock")
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (var stream = openai.chat().completions().createStreaming(params)) {
      for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
        accumulator.accumulate(chunk);
        chunks.add(chunk);
      }
    }
    ChatCompletion completion = accumulator.chatCompletion();
    long contentChunks = chunks.stream().filter(SdkConformanceTest::hasText).count();
    ChatCompletionChunk.Choice opening = chunks.get(0).choices().get(0);
    ChatCompletionChunk last = chunks.get(chunks.size() - 1);

    assertThat(opening.delta().role()).as("the opening chunk's role").contains(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
    assertThat(opening.delta().content()).as("the opening chunk's content").contains("");
    assertThat(chunks.get(chunks.size() - 2).choices().get(0).finishReason())
        .as("finish reason in the chunk before the usage chunk").contains(ChatCompletionChunk.Choice.FinishReason.STOP);
    assertThat(last.choices()).as("the usage chunk's choices").isEmpty();
    assertThat(last.usage()).as("the usage chunk's usage").isPresent();
    assertThat(contentChunks).isEqualTo(TOKENS);
    assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(contentChunks);
    assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.choices().get(0).message().content().orElseThrow().split(" ")).hasSize(TOKENS);
  }
}
