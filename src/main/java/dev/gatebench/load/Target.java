package dev.gatebench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the HTTP driver talks to: a named row (e.g. {@code litellm}), the full URI of its
 * OpenAI-compatible chat completions endpoint, and headers sent with every request.
 *
 * @param name the row name in results, e.g. {@code inferxgate}
 * @param chatCompletionsUri e.g. {@code http://127.0.0.1:3000/v1/chat/completions}; http only
 * @param headers extra request headers, e.g. {@code Authorization: Bearer sk-...}
 */
public record Target(String name, URI chatCompletionsUri, Map<String, String> headers) {
  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(chatCompletionsUri, "chatCompletionsUri");
    headers = Map.copyOf(headers);
    if (!"http".equals(chatCompletionsUri.getScheme()) || chatCompletionsUri.getHost() == null) {
      throw new IllegalArgumentException("target '" + name + "' URL must be http://host:port/path but was '"
          + chatCompletionsUri + "'");
    }
  }

  /** A target without extra headers; e.g. {@code Target.of("mock", "http://127.0.0.1:8080/v1/chat/completions")}. */
  public static Target of(String name, String chatCompletionsUrl) {
    return new Target(name, URI.create(chatCompletionsUrl), Map.of());
  }

  /** A copy that also sends {@code name: value}. */
  public Target withHeader(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Target(this.name, chatCompletionsUri, more);
  }

  /** Header values left out: they often hold keys. */
  @Override
  public String toString() {
    return "Target[" + name + " " + chatCompletionsUri + " headers=" + headers.keySet() + "]";
  }

  /** Port of the URI, 80 when not given. */
  public int port() {
    return chatCompletionsUri.getPort() == -1 ? 80 : chatCompletionsUri.getPort();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(chatCompletionsUri.getHost(), port());
  }

  /**
   * Opens and closes one TCP connection so an unreachable target fails before the run starts.
   *
   * @throws TargetUnreachableException naming the URL and the fix
   */
  public void probe(Duration connectTimeout) {
    try (Socket socket = new Socket()) {
      socket.connect(address(), (int) Math.max(1, connectTimeout.toMillis()));
    } catch (IOException e) {
      throw new TargetUnreachableException("target '" + name + "' at " + chatCompletionsUri
          + " is unreachable (" + e.getMessage() + "); start the gateway or fix its URL", e);
    }
  }
}
