package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.upstream.MockUpstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prompt sizes on real runs against the mock: it takes a 100k-token body; a refused size is a failed step. */
class PayloadSweepTest {
  private static final PayloadPlan PLAN = PayloadPlan.of(4, Duration.ofSeconds(1))
      .size(1_000, Duration.ofMillis(50)).size(100_000, Duration.ofMillis(250));
  private static MockUpstream mock;

  @BeforeAll
  static void startMock() {
    mock = MockUpstream.builder().start();
  }

  @AfterAll
  static void stopMock() {
    mock.close();
  }

  @Test
  void theMockAnswersEverySizeUpTo100kTokens() {
    PayloadResult direct = new PayloadSweep(PLAN).reference(sizes(Target.of("direct", url()))).result();

    assertThat(direct.failures()).as("Direct's failed sizes").isEmpty();
    assertThat(direct.step(100_000).orElseThrow().figures().requests()).as("100k-token requests answered").isPositive();
  }

  @Test
  void theMockCountsA100kTokenPromptAsAbout100kTokens() throws Exception {
    byte[] body = ChatRequestFactory.of("claude-sonnet-4-5-20250929", 5, 0.7, false,
        List.of(Prompts.ofTokens(100_000))).next();
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url()))
        .header("content-type", "application/json").timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(body.length).as("body bytes").isBetween(400_000, 401_000);
    assertThat(answer.statusCode()).as("status; %s", answer.body()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(answer.body()).path("usage").path("prompt_tokens").asLong())
        .as("prompt tokens the mock counted").isBetween(99_000L, 101_000L);
  }

  @Test
  void aSizeWhoseEveryRequestIsRefusedIsAFailedStepAndTheSweepGoesOn() {
    PayloadResult direct = new PayloadSweep(PLAN).reference(sizes(Target.of("direct", url()))).result();
    PayloadSweep.Sizes refusingLarge = (tokens, scenario) -> run(tokens > 10_000
        ? Target.of("limited", url()).withHeader("x-mock-fault", "500") : Target.of("limited", url()), tokens, scenario);

    PayloadResult limited = new PayloadSweep(PLAN).against(direct, refusingLarge).result();

    assertThat(limited.steps()).as("steps measured").hasSize(2);
    assertThat(limited.step(1_000).orElseThrow().passed()).as("1k tokens passed").isTrue();
    assertThat(limited.failures()).as("failed sizes").singleElement().asString()
        .startsWith("100k tokens: refused: ").contains("HTTP_STATUS");
  }

  private static PayloadSweep.Sizes sizes(Target target) {
    return (tokens, scenario) -> run(target, tokens, scenario);
  }

  private static RunResult run(Target target, int tokens, Scenario scenario) {
    ChatRequestFactory requests = ChatRequestFactory.of("claude-sonnet-4-5-20250929", PLAN.maxTokens(), 0.7, false,
        List.of(Prompts.ofTokens(tokens)));
    return StandardMetrics.runner(LoadEngine.of(requests)).run("payload", target, scenario);
  }

  private static String url() {
    return mock.baseUrl() + "/v1/chat/completions";
  }
}
