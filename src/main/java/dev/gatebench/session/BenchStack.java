package dev.gatebench.session;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.UpstreamKind;
import dev.gatebench.gateway.UpstreamEndpoint;
import dev.gatebench.stack.GatewayAvailability;
import dev.gatebench.stack.Stack;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upstream and the gateways in front of it, started from the configuration: the mock (unless
 * {@code gatebench.upstream=anthropic}) and the {@link Stack} pointed at it. What the JUnit session
 * and {@code scripts/run-benchmark.sh start} share. Closing stops the gateways, then the mock, each
 * tried even when the other fails.
 */
public final class BenchStack implements AutoCloseable {
  private final Optional<MockUpstream> mock;
  private final Stack stack;

  private BenchStack(Optional<MockUpstream> mock, Stack stack) {
    this.mock = mock;
    this.stack = stack;
  }

  /**
   * Starts the mock and the gateways; check the configuration first with {@link Preflight#check}.
   *
   * A gateway that fails to start is in {@link #availability()} with its failure; the others run.
   *
   * @throws dev.gatebench.config.BenchConfigException for a setting gatebench cannot use
   */
  public static BenchStack start(BenchConfig config) {
    Optional<MockUpstream> mock = config.upstream() == UpstreamKind.MOCK
        ? Optional.of(MockUpstream.builder()
            .latency(LatencyProfile.fixed(config.mockTtft(), config.mockItl()))
            .start())
        : Optional.empty();
    UpstreamEndpoint upstream = mock.map(m -> UpstreamEndpoint.mock(m.baseUrl(), m.caCertificatePem()))
        .orElseGet(UpstreamEndpoint::anthropic);
    try {
      return new BenchStack(mock, Stack.start(config, upstream));
    } catch (RuntimeException e) {
      mock.ifPresent(MockUpstream::close);
      throw e;
    }
  }

  public Optional<MockUpstream> mock() {
    return mock;
  }

  public Stack stack() {
    return stack;
  }

  public List<GatewayAvailability> availability() {
    return stack.availability();
  }

  /** Recorded with every result: which upstream, and the mock's latency profile and fault plan. */
  public Map<String, Object> upstreamFacts() {
    return mock.<Map<String, Object>>map(m -> Map.of("kind", "mock", "mock", m.describe()))
        .orElseGet(() -> Map.of("kind", "anthropic"));
  }

  @Override
  public void close() {
    try {
      stack.close();
    } finally {
      mock.ifPresent(MockUpstream::close);
    }
  }
}
