package dev.gatebench.faults;

import dev.gatebench.upstream.FaultKind;
import dev.gatebench.upstream.FaultPlan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One fault the errors suite injects upstream, on every upstream attempt of the client requests it sends
 * for it, whole answers or streamed.
 *
 * @param fault what the mock does to each attempt
 * @param stream whether the client asks for {@code stream: true}
 */
public record FaultCase(FaultKind fault, boolean stream) {
  /** The 429's {@code retry-after}: a gateway that honours it waits this long per retry. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  public FaultCase {
    Objects.requireNonNull(fault, "fault");
  }

  /**
   * Every fault of the mock once on whole answers, in the order a reader meets them (client errors,
   * admission errors, broken connections, a broken body), then the faults that break a stream: at admission,
   * half-way (disconnect, stall then close) and with a broken event.
   */
  public static List<FaultCase> standard() {
    List<FaultKind> plain = List.of(FaultKind.BAD_REQUEST, FaultKind.UNAUTHORIZED, FaultKind.RATE_LIMIT,
        FaultKind.SERVER_ERROR, FaultKind.OVERLOADED, FaultKind.CONNECTION_RESET, FaultKind.MID_STREAM_DISCONNECT,
        FaultKind.STALL, FaultKind.MALFORMED_BODY);
    List<FaultKind> streamed = List.of(FaultKind.OVERLOADED, FaultKind.MID_STREAM_DISCONNECT, FaultKind.STALL);
    return Stream.concat(plain.stream().map(k -> new FaultCase(k, false)),
        streamed.stream().map(k -> new FaultCase(k, true))).toList();
  }

  /** The case's name in tables and marks, e.g. {@code 529} or {@code disconnect-streamed}. */
  public String name() {
    return fault.shortName() + (stream ? "-streamed" : "");
  }

  /** The HTTP status the mock answers each attempt with, 0 when it breaks the connection instead. */
  public int upstreamStatus() {
    return switch (fault) {
      case BAD_REQUEST -> 400;
      case UNAUTHORIZED -> 401;
      case RATE_LIMIT -> 429;
      case SERVER_ERROR -> 500;
      case OVERLOADED -> 529;
      case MALFORMED_BODY -> 200;
      default -> 0;
    };
  }

  /** Whether the mock answers with an error status, which a gateway must never hand on as a success. */
  public boolean upstreamError() {
    return upstreamStatus() >= 400;
  }

  /** Whether a retry could help: not for a bad request or a bad key, which fail again the same way. */
  public boolean retryable() {
    return fault != FaultKind.BAD_REQUEST && fault != FaultKind.UNAUTHORIZED;
  }

  /**
   * Upstream attempts a good gateway makes of one client request: 1, or 1 + its configured retries for a
   * fault a retry could help.
   *
   * @param configuredRetries retries the row is configured to make, >= 0
   */
  public long attemptBudget(int configuredRetries) {
    return retryable() ? 1L + configuredRetries : 1L;
  }

  /** The mock's plan for this case: the fault on every request; a stall lasts {@code stall}, then closes. */
  public FaultPlan plan(Duration stall) {
    return FaultPlan.none().with(fault, 1.0).withStall(stall, true).withRetryAfter(RETRY_AFTER);
  }
}
