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
    int contentChunks = 0;
    try (var stream = openai.chat().completions().createStreaming(params)) {
      for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
        accumulator.accumulate(chunk);
        contentChunks += chunk.choices().stream().anyMatch(c -> c.delta().content().isPresent()) ? 1 : 0;
      }
    }
    ChatCompletion completion = accumulator.chatCompletion();

    assertThat(contentChunks).isEqualTo(TOKENS);
    assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(contentChunks);
    assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.choices().get(0).message().content().orElseThrow().split(" ")).hasSize(TOKENS);
  }
}
