package dev.gatebench.upstream;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the mock received and sent, for tests to read. Thread-safe; counts are exact once the
 * response in question has been written.
 */
public final class MockCounters {

  /** The route name unknown paths are counted under. */
  public static final String UNKNOWN_ROUTE = "unknown";
  /** Distinct marks kept between resets; requests with further marks count only in {@code marksDropped}. */
  static final int MAX_MARKS = 100_000;

  private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, LongAdder> responses = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<FaultKind, LongAdder> faults = new ConcurrentHashMap<>();
  private final LongAdder connectTunnels = new LongAdder();
  private final LongAdder connectRefused = new LongAdder();
  private final LongAdder streamsOpened = new LongAdder();
  private final LongAdder contentDeltas = new LongAdder();
  private final LongAdder streamsFinished = new LongAdder();
  private final LongAdder streamedUsageTokens = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> marks = new ConcurrentHashMap<>();
  private final LongAdder marked = new LongAdder();
  private final LongAdder marksDropped = new LongAdder();

  MockCounters() {}

  /**
   * Requests received on a route, e.g. {@code requests("/v1/messages")}, tunnelled ones included;
   * CONNECT requests count under {@code "CONNECT"}, unknown paths under {@link #UNKNOWN_ROUTE}.
   */
  public long requests(String route) {
    LongAdder adder = requests.get(route);
    return adder == null ? 0 : adder.sum();
  }

  /** Requests received on every route. */
  public long totalRequests() {
    return requests.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Responses sent with this status, e.g. {@code responses(500)}. */
  public long responses(int status) {
    LongAdder adder = responses.get(status);
    return adder == null ? 0 : adder.sum();
  }

  /** Faults injected of this kind. */
  public long faults(FaultKind kind) {
    LongAdder adder = faults.get(kind);
    return adder == null ? 0 : adder.sum();
  }

  /** CONNECT tunnels accepted (the 200 Connection Established sent). */
  public long connectTunnels() {
    return connectTunnels.sum();
  }

  /** CONNECT requests refused because the host is not an impersonated provider. */
  public long connectRefused() {
    return connectRefused.sum();
  }

  /** Streamed answers whose headers and opening events were sent. */
  public long streamsOpened() {
    return streamsOpened.sum();
  }

  /**
   * Content deltas written into streamed answers (one per token): what a faithful gateway hands on,
   * one for one, unless it re-chunks the text.
   */
  public long contentDeltas() {
    return contentDeltas.sum();
  }

  /** Streamed answers sent to their end: closing events with usage written. */
  public long streamsFinished() {
    return streamsFinished.sum();
  }

  /**
   * Completion tokens the finished streams reported in their closing usage (Anthropic
   * {@code message_delta.usage.output_tokens}; OpenAI the final usage chunk, when the request asked
   * for it with {@code stream_options.include_usage}).
   */
  public long streamedUsageTokens() {
    return streamedUsageTokens.sum();
  }

  /**
   * Chat requests whose prompt carried this {@link Marks mark}, e.g. {@code marked("errors.529.1")}: how many
   * upstream requests a gateway made of the one client request so marked (its retries included).
   */
  public long marked(String name) {
    LongAdder adder = marks.get(name);
    return adder == null ? 0 : adder.sum();
  }

  /** Chat requests that carried any mark. */
  public long markedTotal() {
    return marked.sum();
  }

  /** Total responses of any status. */
  public long totalResponses() {
    return responses.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** A snapshot for result files: requests per route, responses per status, faults, tunnels, streams, marks. */
  public Map<String, Object> snapshot() {
    Map<String, Object> map = new TreeMap<>();
    Map<String, Long> routes = new TreeMap<>();
    requests.forEach((route, adder) -> routes.put(route, adder.sum()));
    Map<String, Long> statuses = new TreeMap<>();
    responses.forEach((status, adder) -> statuses.put(String.valueOf(status), adder.sum()));
    Map<String, Long> faultMap = new TreeMap<>();
    faults.forEach((kind, adder) -> faultMap.put(kind.shortName(), adder.sum()));
    map.put("requests", routes);
    map.put("responses", statuses);
    map.put("faults", faultMap);
    map.put("connectTunnels", connectTunnels.sum());
    map.put("connectRefused", connectRefused.sum());
    Map<String, Long> streams = new TreeMap<>();
    streams.put("opened", streamsOpened.sum());
    streams.put("contentDeltas", contentDeltas.sum());
    streams.put("finished", streamsFinished.sum());
    streams.put("usageTokens", streamedUsageTokens.sum());
    map.put("streams", streams);
    map.put("marked", marked.sum());
    if (marksDropped.sum() > 0) map.put("marksDropped", marksDropped.sum());
    return map;
  }

  /** Sets every count back to zero. */
  public void reset() {
    requests.values().forEach(LongAdder::reset);
    responses.values().forEach(LongAdder::reset);
    faults.values().forEach(LongAdder::reset);
    connectTunnels.reset();
    connectRefused.reset();
    streamsOpened.reset();
    contentDeltas.reset();
    streamsFinished.reset();
    streamedUsageTokens.reset();
    marks.clear();
    marked.reset();
    marksDropped.reset();
  }

  void request(String route) {
    requests.computeIfAbsent(route, r -> new LongAdder()).increment();
  }

  void response(int status) {
    responses.computeIfAbsent(status, s -> new LongAdder()).increment();
  }

  void fault(FaultKind kind) {
    faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  void mark(String name) {
    marked.increment();
    LongAdder adder = marks.get(name);
    if (adder == null && marks.size() >= MAX_MARKS) {
      marksDropped.increment();
      return;
    }
    (adder != null ? adder : marks.computeIfAbsent(name, n -> new LongAdder())).increment();
  }

  void tunnel() {
    connectTunnels.increment();
  }

  void refused() {
    connectRefused.increment();
  }

  void streamOpened() {
    streamsOpened.increment();
  }

  void contentDelta() {
    contentDeltas.increment();
  }

  /** @param usageTokens completion tokens in the closing usage, or -1 when none was sent */
  void streamFinished(int usageTokens) {
    streamsFinished.increment();
    if (usageTokens > 0) streamedUsageTokens.add(usageTokens);
  }
}
