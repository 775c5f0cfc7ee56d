package dev.gatebench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The type and message of an error body in the shapes gateways send: OpenAI's and Anthropic's
 * {@code {"error": {"type", "message"}}}, {@code {"error": "text"}}, FastAPI's {@code {"detail": ...}}, or
 * text that is no JSON at all (kept as the message).
 *
 * @param type e.g. {@code overloaded_error}; {@code error.code} when the type is missing; empty when neither
 * @param message e.g. {@code Overloaded}; empty for an empty body
 */
record ErrorBody(String type, String message) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ErrorBody parse(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return new ErrorBody("", body);
    }
    if (root == null || !root.isObject()) return new ErrorBody("", body == null ? "" : body);
    JsonNode error = root.path("error");
    if (error.isTextual()) return new ErrorBody("", error.asText());
    if (error.isObject()) return new ErrorBody(type(error), text(error.path("message")));
    return new ErrorBody(text(root.path("type")), root.has("detail") ? text(root.path("detail")) : "");
  }

  /** Whether {@code node} is an error object: an SSE event that reports a failure carries one. */
  static boolean isError(JsonNode node) {
    return node.has("error") && !node.path("error").isNull() || "error".equals(node.path("type").asText());
  }

  private static String type(JsonNode error) {
    String type = text(error.path("type"));
    return type.isEmpty() || type.equals("None") ? text(error.path("code")) : type;
  }

  private static String text(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) return "";
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
