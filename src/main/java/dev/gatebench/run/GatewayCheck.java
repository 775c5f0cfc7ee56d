package dev.gatebench.run;

import static io.restassured.RestAssured.given;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.Defaults;
import dev.gatebench.gateway.Gateway;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Before any load: one chat completion through the gateway, checked for status, {@code choices}
 * and {@code usage}, so that a misconfigured gateway fails fast with the gateway's own answer in the
 * message rather than as a 100 % error rate. The request is bounded by {@code gatebench.checkTimeout}
 * (default {@value Defaults#CHECK_TIMEOUT}) and runs on a thread of its own, never on a shared pool.
 */
final class GatewayCheck {
  private static final int BODY_EXCERPT_CHARS = 500;
  private static final Duration QUIET_WAIT = Duration.ofSeconds(5);

  private GatewayCheck() {}

  static void assertAnswersChatCompletion(Gateway gateway, BenchConfig config) {
    Duration timeout = config.duration("gatebench.checkTimeout", Defaults.CHECK_TIMEOUT);
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "gatebench-check-" + gateway.name());
      t.setDaemon(true);
      return t;
    });
    try {
      Future<Response> answer = thread.submit(() -> post(gateway, config, timeout));
      assertCorrect(gateway, await(answer, gateway, timeout));
    } finally {
      thread.shutdownNow();
    }
  }

  /** Waits for the answer; a wait beyond a few seconds is said on the console, with what it waits for. */
  private static Response await(Future<Response> answer, Gateway gateway, Duration timeout) {
    try {
      try {
        return answer.get(Math.min(QUIET_WAIT.toMillis(), timeout.toMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException slow) {
        System.out.println("gatebench: waiting up to " + timeout.toSeconds() + " s for " + gateway.displayName()
            + " to answer one chat completion at " + gateway.chatCompletionsUrl() + " before its load");
        return answer.get(Math.max(0, timeout.minus(QUIET_WAIT).toMillis()), TimeUnit.MILLISECONDS);
      }
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new AssertionError(gateway.displayName() + " at " + gateway.chatCompletionsUrl() + " did not answer "
          + "one chat completion within " + timeout.toSeconds() + " s (gatebench.checkTimeout); check its log, "
          + "or raise -Dgatebench.checkTimeout=120s if it is only slow", e);
    } catch (ExecutionException e) {
      throw new AssertionError(gateway.displayName() + " at " + gateway.chatCompletionsUrl() + " could not be "
          + "asked for a chat completion: " + e.getCause() + "; check that it runs and its log", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while checking " + gateway.displayName(), e);
    }
  }

  private static Response post(Gateway gateway, BenchConfig config, Duration timeout) {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    RestAssuredConfig bounded = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
        .setParam("http.connection.timeout", millis).setParam("http.socket.timeout", millis));
    return given()
        .config(bounded)
        .headers(gateway.authHeaders())
        .contentType("application/json")
        .body(Map.of(
            "model", config.testModel(),
            "messages", List.of(Map.of("role", "user", "content", "What is 2 + 2? Answer with just the number.")),
            "max_tokens", config.maxTokens(),
            "temperature", config.temperature()))
        .when()
        .post(gateway.chatCompletionsUrl());
  }

  private static void assertCorrect(Gateway gateway, Response response) {
    String problem = problemWith(response);
    if (problem != null) {
      throw new AssertionError(gateway.displayName() + " at " + gateway.chatCompletionsUrl()
          + " does not answer a chat completion correctly: " + problem + "; status " + response.statusCode()
          + ", body: " + excerpt(response.asString()) + ". Check its log and configuration before running load.");
    }
  }

  private static String problemWith(Response response) {
    if (response.statusCode() != 200) return "expected status 200";
    try {
      List<?> choices = response.jsonPath().getList("choices");
      if (choices == null || choices.isEmpty()) return "no choices in the answer";
      if (response.jsonPath().get("usage.completion_tokens") == null) return "no usage.completion_tokens";
      return null;
    } catch (RuntimeException e) {
      return "the body is not a chat completion (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static String excerpt(String body) {
    return body.length() <= BODY_EXCERPT_CHARS ? body : body.substring(0, BODY_EXCERPT_CHARS) + "…";
  }
}
