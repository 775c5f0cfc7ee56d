package dev.gatebench.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Whole HTTP/1.1 requests (head and body) encoded once per prompt, so sending one is writing a
 * wrapped byte array: no header encoding on the hot path.
 */
final class RawRequests {
  private final List<byte[]> requests;
  private final boolean streaming;
  private int next;

  /** @param firstIndex the prompt sent first; 0 as the original scripts (prompt = __ITER % 5 per VU) */
  RawRequests(List<byte[]> encoded, boolean streaming, int firstIndex) {
    this.requests = encoded;
    this.streaming = streaming;
    this.next = Math.floorMod(firstIndex, requests.size());
  }

  /** Round-robin over the prompts; each VU owns one instance, so no synchronization. */
  byte[] next() {
    byte[] out = requests.get(next);
    next = (next + 1) % requests.size();
    return out;
  }

  boolean streaming() {
    return streaming;
  }

  /** Every prompt's request for this target, encoded once per run and shared by the VUs. */
  static List<byte[]> encodeAll(Target target, ChatRequestFactory bodies) {
    return bodies.bodies().stream().map(b -> encode(target, b, bodies.streaming())).toList();
  }

  static byte[] encode(Target target, byte[] body, boolean stream) {
    StringBuilder head = new StringBuilder(256);
    String path = target.chatCompletionsUri().getRawPath();
    String query = target.chatCompletionsUri().getRawQuery();
    head.append("POST ").append(path.isEmpty() ? "/" : path).append(query == null ? "" : "?" + query)
        .append(" HTTP/1.1\r\n");
    header(head, "Host", target.chatCompletionsUri().getHost() + ":" + target.port());
    header(head, "Content-Type", "application/json");
    header(head, "Accept", stream ? "text/event-stream" : "application/json");
    header(head, "Content-Length", Integer.toString(body.length));
    for (Map.Entry<String, String> h : target.headers().entrySet()) header(head, h.getKey(), h.getValue());
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static void header(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append("\r\n");
  }
}
