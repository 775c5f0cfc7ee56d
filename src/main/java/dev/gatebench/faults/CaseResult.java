package dev.gatebench.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fault case against one row: what the client saw for each of its requests and how many upstream
 * attempts each became.
 *
 * @param faultCase the case
 * @param requests one per client request, in the order sent; at least one
 * @param recoveryNanos from the case's end until the row served a plain request again, >= 0; -1 when it did
 *     not within the limit (e.g. a cooldown after failures)
 */
public record CaseResult(FaultCase faultCase, List<Attempted> requests, long recoveryNanos) {
  public CaseResult {
    Objects.requireNonNull(faultCase, "faultCase");
    if (recoveryNanos < -1) throw new IllegalArgumentException("recoveryNanos must be >= 0, or -1 for none, but was " + recoveryNanos);
    requests = List.copyOf(requests);
    if (requests.isEmpty()) throw new IllegalArgumentException("a fault case needs at least one request");
  }

  /**
   * One client request.
   *
   * @param view what the client got
   * @param attempts upstream requests the mock counted under the request's mark, >= 0 (0: never reached it)
   */
  public record Attempted(ClientView view, long attempts) {
    public Attempted {
      Objects.requireNonNull(view, "view");
      if (attempts < 0) throw new IllegalArgumentException("attempts must be >= 0 but was " + attempts);
    }
  }

  long overBudget(int configuredRetries) {
    return requests.stream().filter(r -> r.attempts() > faultCase.attemptBudget(configuredRetries)).count();
  }

  long errorsAsSuccess() {
    return faultCase.upstreamError() ? requests.stream().filter(r -> r.view().lookedLikeSuccess()).count() : 0;
  }

  long hidden() {
    return requests.stream().filter(r -> !r.view().outcome().told()).count();
  }

  Map<String, Object> toMap(int configuredRetries) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("case", faultCase.name());
    map.put("fault", faultCase.fault().shortName());
    map.put("stream", faultCase.stream());
    map.put("upstreamStatus", faultCase.upstreamStatus());
    map.put("attemptBudget", faultCase.attemptBudget(configuredRetries));
    if (recoveryNanos >= 0) map.put("recoveryMs", Math.round(recoveryNanos / 1e5) / 10.0);
    map.put("requests", requests.stream().map(r -> {
      Map<String, Object> one = new LinkedHashMap<>(r.view().toMap());
      one.put("attempts", r.attempts());
      return one;
    }).toList());
    return map;
  }
}
