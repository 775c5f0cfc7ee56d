package dev.gatebench.metrics;

/** Why a request did not count as a success; the k6 check "status 200 and non-empty choices" failed. */
public enum ErrorKind {
  /** A response with a status other than 200. */
  HTTP_STATUS,
  /** No complete response within the request timeout. */
  TIMEOUT,
  /** The TCP connection was refused. */
  CONNECT_REFUSED,
  /** The connection was reset or closed before the response was complete. */
  RESET,
  /** Status 200 but the body is not a valid completion (not JSON, no choices). */
  MALFORMED_BODY,
  /** Status 200 but the SSE stream was malformed or ended without [DONE]. */
  MALFORMED_STREAM,
  /** Any other I/O failure. */
  OTHER
}
