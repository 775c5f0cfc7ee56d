package dev.gatebench.upstream;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A fault the mock can inject. Each has a short name used by the {@code x-mock-fault} request
 * header and the {@code --fault NAME=RATE} flag.
 *
 * <p>When each answers: 400, 401, 429, 500, 529 and reset answer at once, before the TTFT, streaming or
 * not, as the real APIs reject at admission (bad request, bad key, rate limit, overload) before any token
 * is generated; a gateway's retry of them therefore costs it no upstream latency. Disconnect, stall and malformed
 * play out inside the answer: half-way through a stream's deltas, or at the whole answer's time.
 */
public enum FaultKind {
  /** 429 with a {@code retry-after} header and a rate-limit error body. */
  RATE_LIMIT("429", 429),
  /** 500 with an internal server error body. */
  SERVER_ERROR("500", 500),
  /** 529 with an {@code overloaded_error} body (Anthropic's overload status). */
  OVERLOADED("529", 529),
  /** TCP reset before any response byte (SO_LINGER 0, then close). */
  CONNECTION_RESET("reset", 0),
  /** Closes the connection half-way through the response body or stream. */
  MID_STREAM_DISCONNECT("disconnect", 0),
  /** Sends no byte for the plan's stall time, then continues or closes. */
  STALL("stall", 0),
  /** 200 with a body that is not valid JSON. */
  MALFORMED_BODY("malformed", 200),
  /** 400 with an {@code invalid_request_error} body: retrying it cannot help. */
  BAD_REQUEST("400", 400),
  /** 401 with an {@code authentication_error} body, as for a wrong provider key. */
  UNAUTHORIZED("401", 401);

  private final String shortName;
  private final int status;

  FaultKind(String shortName, int status) {
    this.shortName = shortName;
    this.status = status;
  }

  /** The name used in headers and flags, e.g. {@code 429} or {@code reset}. */
  public String shortName() {
    return shortName;
  }

  /** The HTTP status this fault sends, 0 when it sends none of its own. */
  int status() {
    return status;
  }

  /**
   * Finds a fault by its short name or enum name, case-insensitive.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static FaultKind parse(String name) {
    String wanted = name == null ? "" : name.trim();
    for (FaultKind kind : values()) {
      if (kind.shortName.equalsIgnoreCase(wanted) || kind.name().equalsIgnoreCase(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown fault '" + name + "'; use one of " + names());
  }

  static String names() {
    return Arrays.stream(values()).map(FaultKind::shortName)
        .collect(Collectors.joining(", ")).toLowerCase(Locale.ROOT);
  }
}
