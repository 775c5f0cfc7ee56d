package dev.gatebench.load;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.MetricsSink;
import dev.gatebench.metrics.RequestOutcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A virtual user: a state machine on one event loop, not a thread. An iteration is one request
 * on the VU's own keep-alive connection (opened again when closed), then the think time; then
 * the VU tells its {@link Owner}. Everything but {@link #claim()}/{@link #release()} runs on
 * {@link #loop()}.
 */
final class Vu {
  /** The executor that decides what a VU does after each iteration. */
  interface Owner {
    /** Called on the VU's loop when an iteration ended, normally or interrupted. */
    void iterationEnded(Vu vu);
  }

  /** Fixed for a run: where to send and how long to wait. */
  record Settings(Transport transport, InetSocketAddress address, MetricsSink sink, long requestTimeoutNanos,
      long thinkTimeNanos) {}

  final int id;
  /** Iterations this VU started; per-vu-iterations bookkeeping, touched only on the loop. */
  int iterationsStarted;
  private final EventLoop loop;
  private final Settings settings;
  private final RawRequests requests;
  private final Owner owner;
  private final Measurement measurement = new Measurement();
  private final AtomicBoolean claimed = new AtomicBoolean();
  private final Runnable timeoutTask = this::timedOut;
  private final Runnable wakeTask = this::wokeUp;
  private Channel channel;
  private ChannelFuture pendingConnect;
  private ScheduledFuture<?> timeout;
  private ScheduledFuture<?> sleeping;
  private boolean inIteration;
  private boolean inFlight;
  private boolean keepAlive;
  /** When the think time now running ends, as {@link System#nanoTime()}; its wake-up's lag counts from it. */
  private long wakeDueNanos;

  Vu(int id, EventLoop loop, Settings settings, RawRequests requests, Owner owner) {
    this.id = id;
    this.loop = loop;
    this.settings = settings;
    this.requests = requests;
    this.owner = owner;
  }

  EventLoop loop() {
    return loop;
  }

  /** Marks the VU busy for an executor; false if it already was. Any thread. */
  boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  void release() {
    claimed.set(false);
  }

  boolean claimed() {
    return claimed.get();
  }

  /** Starts an iteration; {@code intendedStartNanos} is the scheduled arrival, or UNSET for now. */
  void start(long intendedStartNanos) {
    long nowNanos = System.nanoTime();
    if (intendedStartNanos != RequestOutcome.UNSET) settings.sink().scheduleLag(nowNanos - intendedStartNanos);
    inIteration = true;
    inFlight = true;
    iterationsStarted++;
    measurement.begin(intendedStartNanos == RequestOutcome.UNSET ? nowNanos : intendedStartNanos, nowNanos,
        requests.streaming());
    settings.sink().requestStarted();
    timeout = loop.schedule(timeoutTask, settings.requestTimeoutNanos(), TimeUnit.NANOSECONDS);
    if (channel != null && channel.isActive()) send();
    else connect();
  }

  /** Interrupts the running iteration without recording it (k6's interrupted iteration). */
  void abort() {
    if (!inIteration) return;
    if (inFlight) {
      inFlight = false;
      timeout.cancel(false);
      closeChannel();
    }
    if (sleeping != null) sleeping.cancel(false);
    endIteration();
  }

  private void connect() {
    ChannelFuture future = settings.transport().connect(this, settings.address());
    pendingConnect = future;
    future.addListener(f -> connected(future));
  }

  private void connected(ChannelFuture future) {
    if (future != pendingConnect) {
      future.channel().close();
      return;
    }
    pendingConnect = null;
    if (future.isSuccess()) {
      channel = future.channel();
      if (inFlight) send();
    } else if (inFlight) {
      finish(classify(future.cause()), System.nanoTime(), false);
    }
  }

  private void send() {
    channel.writeAndFlush(Unpooled.wrappedBuffer(requests.next()), channel.voidPromise());
  }

  void head(Channel ch, int status, boolean keepAlive, long nowNanos) {
    if (!inFlight || ch != channel) return;
    this.keepAlive = keepAlive;
    measurement.head(status, nowNanos);
  }

  void content(Channel ch, ByteBuf content, long nowNanos) {
    if (inFlight && ch == channel) measurement.content(content, nowNanos);
  }

  void last(Channel ch, long nowNanos) {
    if (inFlight && ch == channel) finish(measurement.verdict(), nowNanos, true);
  }

  /** The connection failed or closed; fails the request in flight on it, if any. */
  void failed(Channel ch, ErrorKind error) {
    if (ch != channel) return;
    channel = null;
    ch.close();
    if (inFlight) finish(error, System.nanoTime(), false);
  }

  private void timedOut() {
    if (!inFlight) return;
    pendingConnect = null;
    finish(ErrorKind.TIMEOUT, System.nanoTime(), false);
  }

  private void finish(ErrorKind error, long endNanos, boolean responseComplete) {
    inFlight = false;
    timeout.cancel(false);
    settings.sink().record(measurement.outcome(endNanos, error));
    if (!responseComplete || !keepAlive) closeChannel();
    if (settings.thinkTimeNanos() > 0) {
      wakeDueNanos = System.nanoTime() + settings.thinkTimeNanos();
      sleeping = loop.schedule(wakeTask, settings.thinkTimeNanos(), TimeUnit.NANOSECONDS);
    } else {
      endIteration();
    }
  }

  /** The think time ended: a scheduled event whose lateness measures the generator, as an arrival's does. */
  private void wokeUp() {
    settings.sink().scheduleLag(System.nanoTime() - wakeDueNanos);
    endIteration();
  }

  private void endIteration() {
    sleeping = null;
    inIteration = false;
    owner.iterationEnded(this);
  }

  private void closeChannel() {
    Channel ch = channel;
    channel = null;
    if (ch != null) ch.close();
  }

  /** Closes the connection for good at the end of the run. */
  void shutdown() {
    closeChannel();
  }

  static ErrorKind classify(Throwable cause) {
    if (cause instanceof ConnectTimeoutException) return ErrorKind.TIMEOUT;
    if (cause instanceof ConnectException) return ErrorKind.CONNECT_REFUSED;
    if (cause instanceof ClosedChannelException) return ErrorKind.RESET;
    if (cause instanceof IOException e && e.getMessage() != null
        && (e.getMessage().contains("reset") || e.getMessage().contains("Broken pipe"))) {
      return ErrorKind.RESET;
    }
    return ErrorKind.OTHER;
  }
}
