package dev.gatebench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends one chat completion and reports how it ended as a client sees it: status, error body, whether a
 * stream ended with {@code [DONE]}, an error event, or a broken connection, and when. One request at a
 * time per call; thread-safe. Closing it stops its watchdog thread.
 */
public final class FaultClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "fault-client-watchdog");
    thread.setDaemon(true);
    return thread;
  });
  private final Duration timeout;

  /** @param timeout per request, until its end, > 0; e.g. 60 s, above a gateway's retries of a stall */
  public FaultClient(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0 but was " + timeout);
    this.timeout = timeout;
  }

  /**
   * @param url the chat completions endpoint
   * @param headers sent with the request, e.g. a gateway's credentials; never logged
   * @param body an OpenAI chat completion request
   * @param stream whether {@code body} asks for {@code stream: true}
   */
  public ClientView send(URI url, Map<String, String> headers, byte[] body, boolean stream) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    long startNanos = System.nanoTime();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      return failed(0, ClientOutcome.TIMEOUT, e, startNanos);
    } catch (IOException e) {
      return failed(0, ClientOutcome.CONNECTION_ERROR, e, startNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + url, e);
    }
    return read(response, stream, startNanos);
  }

  private ClientView read(HttpResponse<InputStream> response, boolean stream, long startNanos) {
    AtomicBoolean timedOut = new AtomicBoolean();
    InputStream in = response.body();
    long leftNanos = timeout.toNanos() - (System.nanoTime() - startNanos);
    var alarm = watchdog.schedule(() -> {
      timedOut.set(true);
      closeQuietly(in);
    }, Math.max(1, leftNanos), TimeUnit.NANOSECONDS);
    int status = response.statusCode();
    try (in) {
      boolean success = status >= 200 && status < 300;
      if (success && stream) return new StreamReader(status, startNanos).read(in, timedOut);
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (timedOut.get()) return failed(status, ClientOutcome.TIMEOUT, null, startNanos);
      return whole(status, text, startNanos);
    } catch (IOException e) {
      return failed(status, timedOut.get() ? ClientOutcome.TIMEOUT : ClientOutcome.CONNECTION_ERROR, e, startNanos);
    } finally {
      alarm.cancel(false);
    }
  }

  private static ClientView whole(int status, String text, long startNanos) {
    long end = System.nanoTime() - startNanos;
    ErrorBody error = ErrorBody.parse(text);
    if (status < 200 || status >= 300) {
      return new ClientView(status, ClientOutcome.ERROR_STATUS, error.type(), error.message(), end, 0);
    }
    return completion(text) ? new ClientView(status, ClientOutcome.COMPLETE, "", "", end, 0)
        : new ClientView(status, ClientOutcome.BROKEN_BODY, error.type(), error.message(), end, 0);
  }

  private static boolean completion(String text) {
    try {
      JsonNode choices = JSON.readTree(text).path("choices");
      return choices.isArray() && !choices.isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  static ClientView failed(int status, ClientOutcome outcome, Exception cause, long startNanos) {
    String message = cause == null ? "" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new ClientView(status, outcome, "", message, System.nanoTime() - startNanos, 0);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the reader learns of the timeout from its flag
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    http.shutdownNow();
  }

  /** Reads server-sent events line by line: content deltas, an error event, {@code [DONE]}. */
  private static final class StreamReader {
    private final int status;
    private final long startNanos;
    private boolean done;
    private int deltas;
    private ErrorBody error;

    StreamReader(int status, long startNanos) {
      this.status = status;
      this.startNanos = startNanos;
    }

    ClientView read(InputStream in, AtomicBoolean timedOut) {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      try {
        for (String line; (line = lines.readLine()) != null; ) accept(line.strip());
      } catch (IOException e) {
        if (error == null) {
          return withDeltas(failed(status, timedOut.get() ? ClientOutcome.TIMEOUT : ClientOutcome.CONNECTION_ERROR,
              e, startNanos));
        }
      }
      long end = System.nanoTime() - startNanos;
      if (error != null) return new ClientView(status, ClientOutcome.ERROR_EVENT, error.type(), error.message(), end, deltas);
      if (timedOut.get()) return withDeltas(failed(status, ClientOutcome.TIMEOUT, null, startNanos));
      return new ClientView(status, done ? ClientOutcome.COMPLETE : ClientOutcome.ENDED_WITHOUT_DONE, "", "", end, deltas);
    }

    private void accept(String line) {
      if (line.equals("event: error") || line.equals("event:error")) {
        if (error == null) error = new ErrorBody("", "error event");
      }
      if (!line.startsWith("data:")) return;
      String data = line.substring(5).strip();
      if (data.equals("[DONE]")) {
        done = true;
        return;
      }
      try {
        JsonNode event = JSON.readTree(data);
        if (ErrorBody.isError(event)) error = ErrorBody.parse(data);
        else if (!event.path("choices").path(0).path("delta").path("content").asText("").isEmpty()) deltas++;
      } catch (IOException e) {
        // a broken event is the gateway's business; what counts is how the stream ends
      }
    }

    private ClientView withDeltas(ClientView view) {
      return new ClientView(view.status(), view.outcome(), view.errorType(), view.errorMessage(),
          view.timeToEndNanos(), deltas);
    }
  }
}
