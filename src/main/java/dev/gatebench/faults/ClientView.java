package dev.gatebench.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the client got for one request.
 *
 * @param status the HTTP status, 0 when no status line arrived
 * @param outcome how it ended
 * @param errorType the error body's {@code error.type} (or {@code error.code}), empty when it had none
 * @param errorMessage the error body's message, at most {@value #MAX_MESSAGE} characters; empty when none
 * @param timeToEndNanos from sending the request to the moment the client knew how it ended, >= 0
 * @param deltas content deltas received before the end (streams)
 */
public record ClientView(int status, ClientOutcome outcome, String errorType, String errorMessage,
    long timeToEndNanos, int deltas) {
  static final int MAX_MESSAGE = 120;

  public ClientView {
    Objects.requireNonNull(outcome, "outcome");
    errorType = Objects.requireNonNullElse(errorType, "");
    errorMessage = shorten(Objects.requireNonNullElse(errorMessage, ""));
    if (timeToEndNanos < 0) throw new IllegalArgumentException("timeToEndNanos must be >= 0 but was " + timeToEndNanos);
    if (status < 0 || status > 999) throw new IllegalArgumentException("status must be in [0, 999] but was " + status);
  }

  /** Whether a 2xx status reached the client. */
  public boolean success2xx() {
    return status >= 200 && status < 300;
  }

  /** Whether the client took a failure for a success: a 2xx without an error event or a broken connection. */
  public boolean lookedLikeSuccess() {
    return success2xx() && outcome != ClientOutcome.ERROR_EVENT && outcome != ClientOutcome.CONNECTION_ERROR;
  }

  public double timeToEndMs() {
    return timeToEndNanos / 1e6;
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("status", status);
    map.put("outcome", outcome.name());
    map.put("told", outcome.told());
    map.put("errorType", errorType);
    map.put("errorMessage", errorMessage);
    map.put("timeToEndMs", Math.round(timeToEndMs() * 10) / 10.0);
    map.put("deltas", deltas);
    return map;
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
