package dev.gatebench.junit;

import static io.restassured.RestAssured.given;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/**
 * Before any load: one chat completion through the gateway, checked for status, {@code choices}
 * and {@code usage}, so that a misconfigured gateway fails fast with the gateway's own answer in the
 * message rather than as a 100 % error rate.
 */
final class GatewayCheck {
  private static final int BODY_EXCERPT_CHARS = 500;

  private GatewayCheck() {}

  static void assertAnswersChatCompletion(Gateway gateway, BenchConfig config) {
    Response response = given()
        .headers(gateway.authHeaders())
        .contentType("application/json")
        .body(Map.of(
            "model", config.testModel(),
            "messages", List.of(Map.of("role", "user", "content", "What is 2 + 2? Answer with just the number.")),
            "max_tokens", config.maxTokens(),
            "temperature", config.temperature()))
        .when()
        .post(gateway.chatCompletionsUrl());
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
