package dev.gatebench.upstream;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The model list {@code GET /v1/models} answers (OpenAI's list shape). */
final class Models {

  static final List<String> IDS = List.of(
      "gpt-4o-mini", "gpt-4o", "claude-3-5-haiku-20241022", "claude-sonnet-4-20250514", "mock-model");

  static final byte[] LIST = render();

  private Models() {}

  private static byte[] render() {
    StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < IDS.size(); i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(IDS.get(i))
          .append("\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"gatebench-mock\"}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
  }
}
