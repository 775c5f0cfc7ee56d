package dev.gatebench.faults;

import dev.gatebench.metrics.ErrorKind;

/** How one client request ended, as the client saw it; {@link #told()} says whether it learned of a failure. */
public enum ClientOutcome {
  /** A whole completion, or a stream that ended with {@code [DONE]} and no error event. */
  COMPLETE("complete", false, null),
  /** A status other than 2xx. */
  ERROR_STATUS("error status", true, ErrorKind.HTTP_STATUS),
  /** A stream that carried an error event. */
  ERROR_EVENT("error event", true, ErrorKind.MALFORMED_STREAM),
  /** The connection was refused, reset or closed before the answer was complete. */
  CONNECTION_ERROR("connection error", true, ErrorKind.RESET),
  /** A 2xx whose body is no completion (not JSON, or no choices): a client that parses it notices. */
  BROKEN_BODY("body is no completion", true, ErrorKind.MALFORMED_BODY),
  /** A stream that ended cleanly without {@code [DONE]} or an error event: most clients take it as whole. */
  ENDED_WITHOUT_DONE("clean end without [DONE]", false, ErrorKind.MALFORMED_STREAM),
  /** Nothing more arrived within the client's timeout. */
  TIMEOUT("client timeout", false, ErrorKind.TIMEOUT);

  private final String text;
  private final boolean told;
  private final ErrorKind errorKind;

  ClientOutcome(String text, boolean told, ErrorKind errorKind) {
    this.text = text;
    this.told = told;
    this.errorKind = errorKind;
  }

  /** As the tables say it, e.g. {@code connection error}. */
  public String text() {
    return text;
  }

  /** Whether the client was told the request failed: an error status, an error event or a broken answer. */
  public boolean told() {
    return told;
  }

  /** The failure kind the metrics count it under; null for a complete answer. */
  ErrorKind errorKind() {
    return errorKind;
  }
}
