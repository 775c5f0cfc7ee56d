package dev.gatebench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A few calls of the Docker Engine API over its socket, each bounded in time: whether an engine
 * answers, whether an image is local, which containers carry a label, inspect and force-remove. It
 * is separate from Testcontainers' client on purpose: that client's first use starts Ryuk and may
 * pull images for minutes, and it cannot be asked anything with a deadline. Thread-safe.
 */
final class DockerEngine {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r ->
      Thread.ofPlatform().daemon().name("gatebench-docker-watchdog").unstarted(r));

  private final URI endpoint;
  private final Duration timeout;

  /**
   * @param endpoint {@code unix:///var/run/docker.sock} or {@code tcp://127.0.0.1:2375} (no TLS)
   * @param timeout deadline of every call, connect to last byte, e.g. 2 s
   */
  DockerEngine(URI endpoint, Duration timeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (!"unix".equals(endpoint.getScheme()) && !"tcp".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("Docker endpoint must be unix:///path or tcp://host:port but was '"
          + endpoint + "'; TLS endpoints (DOCKER_TLS_VERIFY) are not supported by gatebench's checks");
    }
  }

  URI endpoint() {
    return endpoint;
  }

  Duration timeout() {
    return timeout;
  }

  /** The engine's version, e.g. {@code 20.10.24+dfsg1}. @throws DockerEngineException without an answer */
  String version() {
    return json("GET", "/version").path("Version").asText("unknown");
  }

  boolean imageExists(String reference) {
    Response response = call("GET", "/images/" + reference + "/json");
    if (response.status() == 404) return false;
    response.requireSuccess("inspect image " + reference);
    return true;
  }

  boolean networkExists(String name) {
    Response response = call("GET", "/networks/" + name);
    if (response.status() == 404) return false;
    response.requireSuccess("inspect network " + name);
    return true;
  }

  /** Containers, running or not, carrying every one of {@code labels} ({@code key=value} or {@code key}). */
  List<JsonNode> containers(List<String> labels) {
    String filters = JSON.createObjectNode().set("label", JSON.valueToTree(labels)).toString();
    JsonNode list = json("GET", "/containers/json?all=1&filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
    List<JsonNode> result = new ArrayList<>();
    list.forEach(result::add);
    return result;
  }

  JsonNode inspect(String containerId) {
    return json("GET", "/containers/" + containerId + "/json");
  }

  /** One stats reading as {@code docker stats --no-stream} takes it (the engine waits about a second). */
  JsonNode stats(String containerId) {
    return json("GET", "/containers/" + containerId + "/stats?stream=false");
  }

  /** Kills and removes a container with its anonymous volumes; a container already gone is fine. */
  void remove(String containerId) {
    Response response = call("DELETE", "/containers/" + containerId + "?force=true&v=true");
    if (response.status() != 404) response.requireSuccess("remove container " + containerId);
  }

  private JsonNode json(String method, String path) {
    Response response = call(method, path);
    response.requireSuccess(method + " " + path);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new DockerEngineException("the Docker engine at " + endpoint + " answered " + method + " " + path
          + " with something that is not JSON: " + e.getMessage(), e);
    }
  }

  Response call(String method, String path) {
    try (SocketChannel channel = open()) {
      ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> closeQuietly(channel), timeout.toMillis(),
          TimeUnit.MILLISECONDS);
      try {
        channel.connect(address());
        channel.write(ByteBuffer.wrap(request(method, path)));
        return Response.parse(readAll(channel));
      } finally {
        deadline.cancel(false);
      }
    } catch (ClosedChannelException e) {
      throw new DockerEngineException("no answer from the Docker engine at " + endpoint + " to " + method + " "
          + path + " within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new DockerEngineException("the Docker engine at " + endpoint + " did not answer " + method + " "
          + path + ": " + describe(e), e);
    }
  }

  private SocketChannel open() throws IOException {
    return "unix".equals(endpoint.getScheme()) ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
  }

  private SocketAddress address() {
    return "unix".equals(endpoint.getScheme()) ? UnixDomainSocketAddress.of(endpoint.getPath())
        : new InetSocketAddress(endpoint.getHost(), endpoint.getPort() < 0 ? 2375 : endpoint.getPort());
  }

  private static byte[] request(String method, String path) {
    return (method + " " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: gatebench\r\nConnection: close\r\n"
        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] readAll(SocketChannel channel) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    while (channel.read(buffer) >= 0) {
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
    }
    return out.toByteArray();
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the deadline passed; the caller reports it
    }
  }

  @Override
  public String toString() {
    return endpoint.toString();
  }

  /** An HTTP answer of the engine: status and body (chunked encoding undone). */
  record Response(int status, String body) {
    static Response parse(byte[] raw) throws IOException {
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      int headerEnd = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/") || headerEnd < 0) throw new IOException("not an HTTP answer: " + abbreviate(text));
      String head = text.substring(0, headerEnd);
      int status = Integer.parseInt(head.substring(9, 12));
      byte[] body = java.util.Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
      boolean chunked = head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
      return new Response(status, new String(chunked ? unchunk(body) : body, StandardCharsets.UTF_8));
    }

    void requireSuccess(String what) {
      if (status / 100 != 2) {
        throw new DockerEngineException("the Docker engine refused to " + what + ": HTTP " + status + " "
            + abbreviate(body.strip()));
      }
    }

    private static byte[] unchunk(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int at = 0;
      while (at < body.length) {
        int lineEnd = indexOfCrlf(body, at);
        if (lineEnd < 0) break;
        String sizeText = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
        int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
        if (size == 0) break;
        out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
        at = lineEnd + 2 + size + 2;
      }
      return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
      for (int i = from; i + 1 < bytes.length; i++) {
        if (bytes[i] == '\r' && bytes[i + 1] == '\n') return i;
      }
      return -1;
    }

    private static String abbreviate(String text) {
      return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
  }
}
