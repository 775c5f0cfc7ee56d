package dev.gatebench.upstream;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/** The two provider APIs the mock speaks, and each one's error shape. */
enum Api {
  ANTHROPIC, OPENAI;

  /** Picks the API whose error shape a request to {@code path} expects. */
  static Api forPath(String path, boolean anthropicHeaders) {
    return path.startsWith("/v1/messages") || anthropicHeaders ? ANTHROPIC : OPENAI;
  }

  /** The error body in this API's own shape for a status, e.g. 429 or 500. */
  byte[] errorBody(int status, String message) {
    String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(message));
    String json = this == ANTHROPIC
        ? "{\"type\":\"error\",\"error\":{\"type\":\"" + anthropicType(status)
            + "\",\"message\":\"" + quoted + "\"}}"
        : "{\"error\":{\"message\":\"" + quoted + "\",\"type\":\"" + openAiType(status)
            + "\",\"param\":null,\"code\":" + openAiCode(status) + "}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static String anthropicType(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }

  static String openAiType(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }

  private static String openAiCode(int status) {
    return switch (status) {
      case 404 -> "\"not_found\"";
      case 405 -> "\"method_not_allowed\"";
      case 413 -> "\"request_too_large\"";
      case 429 -> "\"rate_limit_exceeded\"";
      case 529 -> "\"overloaded\"";
      default -> "null";
    };
  }
}
