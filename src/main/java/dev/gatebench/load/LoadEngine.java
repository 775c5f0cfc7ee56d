package dev.gatebench.load;

import dev.gatebench.metrics.MetricsSink;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Drives a {@link Scenario} against a {@link Target} and reports every request to a
 * {@link MetricsSink}; knows nothing of collectors or thresholds (see {@link LoadRunner}).
 * Each run gets its own event loops, closed when it ends. Thread-safe.
 */
public final class LoadEngine {
  /** The original scripts' request timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);
  /** Connect timeout of the pre-run probe and of each VU connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final ChatRequestFactory requests;
  private final Duration requestTimeout;
  private final int ioThreads;

  /**
   * @param requests the bodies to send
   * @param requestTimeout per request, > 0; e.g. {@link #DEFAULT_REQUEST_TIMEOUT}
   * @param ioThreads event-loop threads, >= 1; one or two are plenty for thousands of VUs
   */
  public LoadEngine(ChatRequestFactory requests, Duration requestTimeout, int ioThreads) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be > 0 but was " + requestTimeout);
    }
    if (ioThreads < 1) throw new IllegalArgumentException("ioThreads must be >= 1 but was " + ioThreads);
    this.ioThreads = ioThreads;
  }

  /** 120 s timeout, up to two event-loop threads. */
  public static LoadEngine of(ChatRequestFactory requests) {
    return new LoadEngine(requests, DEFAULT_REQUEST_TIMEOUT,
        Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  public ChatRequestFactory requests() {
    return requests;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public int ioThreads() {
    return ioThreads;
  }

  /**
   * Checks the target accepts connections, then starts the scenario and returns at once.
   *
   * @throws TargetUnreachableException before any load if the target refuses connections
   */
  public ScenarioRun start(Scenario scenario, Target target, MetricsSink sink) {
    target.probe(DEFAULT_CONNECT_TIMEOUT);
    Transport transport = new Transport(ioThreads, DEFAULT_CONNECT_TIMEOUT);
    Vu.Settings settings = new Vu.Settings(transport, target.address(), sink, requestTimeout.toNanos(),
        scenario.thinkTime().toNanos());
    VuFactory vus = new VuFactory(transport, settings, RawRequests.encodeAll(target, requests), requests.streaming());
    Execution execution = scenario.executor().openModel()
        ? new OpenModel(scenario, sink, transport.nextLoop(), vus, transport.pacer())
        : new ClosedModel(scenario, sink, transport.nextLoop(), vus);
    CompletableFuture<Void> closed = execution.finished.handle((ok, error) -> null)
        .thenRunAsync(transport::close, task -> Thread.ofPlatform().daemon().start(task));
    execution.begin();
    return new ScenarioRun(execution, transport, closed);
  }
}
