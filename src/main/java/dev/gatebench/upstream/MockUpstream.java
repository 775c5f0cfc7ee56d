package dev.gatebench.upstream;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An offline LLM provider: Anthropic {@code POST /v1/messages} and OpenAI
 * {@code POST /v1/chat/completions} (JSON and SSE), {@code GET /v1/models}, {@code GET /health},
 * with a seeded latency model and fault plan, and a CONNECT proxy that terminates TLS for
 * api.anthropic.com and api.openai.com.
 *
 * <pre>{@code
 * try (MockUpstream mock = MockUpstream.builder()
 *     .latency(LatencyProfile.fixed(Duration.ofMillis(250), Duration.ofMillis(10)))
 *     .outputTokens(100).seed(42).start()) {
 *   URI base = mock.baseUrl(); // http://127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>A gateway with a hard-coded {@code https://api.anthropic.com} reaches the mock through
 * {@code HTTPS_PROXY=http://127.0.0.1:PORT} and {@code SSL_CERT_FILE=}{@link #caCertificatePem()}.
 *
 * <p>Thread-safe. {@link #close()} is idempotent.
 */
public final class MockUpstream implements AutoCloseable {

  private final Builder settings;
  private final MockContext context;
  private final MockCounters counters;
  private final SendLateness lateness;
  private final EventLoopGroup group;
  private final Channel channel;
  private final Channel httpsChannel;
  private final Transport transport;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MockUpstream(Builder settings, MockContext context, Transport transport, EventLoopGroup group,
      Channel channel, Channel httpsChannel) {
    this.settings = settings;
    this.transport = transport;
    this.context = context;
    this.counters = context.counters;
    this.lateness = context.lateness;
    this.group = group;
    this.channel = channel;
    this.httpsChannel = httpsChannel;
  }

  /** A builder with the defaults of {@link Builder}. */
  public static Builder builder() {
    return Builder.DEFAULTS;
  }

  /** The bound plain-HTTP port, 1..65535. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** {@code http://HOST:PORT} without a trailing slash; OpenAI clients add {@code /v1}. */
  public URI baseUrl() {
    return URI.create("http://" + hostForUri(settings.host) + ":" + port());
  }

  /** The plain HTTPS port when one was asked for with {@link Builder#httpsPort(int)}. */
  public Optional<Integer> httpsPort() {
    return Optional.ofNullable(httpsChannel).map(c -> ((InetSocketAddress) c.localAddress()).getPort());
  }

  /** PEM file of the CA that signed the mock's certificate; generated once per JVM. */
  public Path caCertificatePem() {
    return Tls.shared().caPem();
  }

  public MockCounters counters() {
    return counters;
  }

  /** How late the mock itself wrote each streamed delta: its side of a client's TTFT and ITL figures. */
  public SendLateness sendLateness() {
    return lateness;
  }

  public LatencyProfile latency() {
    return settings.latency;
  }

  /** The fault plan in force: the builder's, or the last one {@link #swapFaults swapped} in. */
  public FaultPlan faults() {
    return context.faults;
  }

  /**
   * Puts {@code plan} in force at once, e.g. a suite's own faults for its run. Swap between requests: an
   * answer under way reads the stall settings of whichever plan is in force when it stalls.
   *
   * @return the plan it replaces, to put back after
   */
  public FaultPlan swapFaults(FaultPlan plan) {
    FaultPlan previous = context.faults;
    context.faults = Objects.requireNonNull(plan, "plan");
    return previous;
  }

  /** Latency profile, fault plan, seed and token count as JSON-friendly values for result files. */
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("latency", settings.latency.describe());
    map.put("faults", faults().describe());
    map.put("seed", settings.seed);
    map.put("outputTokens", settings.outputTokens);
    map.put("transport", transport.name());
    return map;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    channel.close().syncUninterruptibly();
    if (httpsChannel != null) {
      httpsChannel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * Immutable: every setter returns a new builder. Defaults: host 127.0.0.1, port 0 (any free
   * port), no latency, no faults, 100 output tokens, seed 42, I/O threads = available cores.
   */
  public static final class Builder {

    static final Builder DEFAULTS = new Builder("127.0.0.1", 0, -1, LatencyProfile.none(), FaultPlan.none(),
        100, 42, Runtime.getRuntime().availableProcessors());

    private final String host;
    private final int port;
    private final int httpsPort;
    private final LatencyProfile latency;
    private final FaultPlan faults;
    private final int outputTokens;
    private final long seed;
    private final int ioThreads;

    private Builder(String host, int port, int httpsPort, LatencyProfile latency, FaultPlan faults,
        int outputTokens, long seed, int ioThreads) {
      this.host = Objects.requireNonNull(host, "host");
      this.port = requirePort("port", port, false);
      this.httpsPort = requirePort("httpsPort", httpsPort, true);
      this.latency = Objects.requireNonNull(latency, "latency");
      this.faults = Objects.requireNonNull(faults, "faults");
      this.outputTokens = requireAtLeast("outputTokens", outputTokens, 1, 1_000_000);
      this.seed = seed;
      this.ioThreads = requireAtLeast("ioThreads", ioThreads, 1, 1024);
    }

    /** Interface to bind; e.g. {@code 127.0.0.1} (the default) or {@code ::1}. */
    public Builder host(String value) {
      return new Builder(value, port, httpsPort, latency, faults, outputTokens, seed, ioThreads);
    }

    /** Plain HTTP (and CONNECT) port, 0..65535; 0 picks a free port. */
    public Builder port(int value) {
      return new Builder(host, value, httpsPort, latency, faults, outputTokens, seed, ioThreads);
    }

    /** Also serve HTTPS directly on this port, 0..65535; 0 picks a free port. */
    public Builder httpsPort(int value) {
      return new Builder(host, port, requirePort("httpsPort", value, false), latency, faults, outputTokens,
          seed, ioThreads);
    }

    public Builder latency(LatencyProfile value) {
      return new Builder(host, port, httpsPort, value, faults, outputTokens, seed, ioThreads);
    }

    public Builder faults(FaultPlan value) {
      return new Builder(host, port, httpsPort, latency, value, outputTokens, seed, ioThreads);
    }

    /** Answer length in tokens, 1..1,000,000, before the client's {@code max_tokens} cut; e.g. 100. */
    public Builder outputTokens(int value) {
      return new Builder(host, port, httpsPort, latency, faults, value, seed, ioThreads);
    }

    /** Seed of the answer text, the latency draws and the fault decisions. */
    public Builder seed(long value) {
      return new Builder(host, port, httpsPort, latency, faults, outputTokens, value, ioThreads);
    }

    /** Event-loop threads, 1..1024; every connection stays on one. */
    public Builder ioThreads(int value) {
      return new Builder(host, port, httpsPort, latency, faults, outputTokens, seed, value);
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException naming host and port when the bind fails
     */
    public MockUpstream start() {
      return start(Transport.best());
    }

    /** Starts on a given transport; tests use it to cover the NIO fallback. */
    MockUpstream start(Transport transport) {
      MockCounters counters = new MockCounters();
      MockContext context = new MockContext(latency, faults, outputTokens, seed, counters);
      EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads, transport.ioHandlerFactory());
      try {
        Channel plain = bind(group, transport, context, false, port);
        Channel https = httpsPort < 0 ? null : bind(group, transport, context, true, httpsPort);
        return new MockUpstream(this, context, transport, group, plain, https);
      } catch (RuntimeException e) {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        throw e;
      }
    }

    private Channel bind(EventLoopGroup group, Transport transport, MockContext context, boolean tls, int bindPort) {
      ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 4096)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new MockInitializer(context, tls));
      try {
        return bootstrap.bind(host, bindPort).syncUninterruptibly().channel();
      } catch (Exception e) {
        throw new IllegalStateException("mock upstream could not bind " + host + ":" + bindPort + ": " + e
            + "; pick another port, or 0 for any free one", e);
      }
    }

    private static int requirePort(String name, int value, boolean unsetAllowed) {
      if ((unsetAllowed && value == -1) || (value >= 0 && value <= 65535)) {
        return value;
      }
      throw new IllegalArgumentException(name + " must be in [0, 65535] but was " + value);
    }

    private static int requireAtLeast(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "] but was " + value);
      }
      return value;
    }
  }
}
