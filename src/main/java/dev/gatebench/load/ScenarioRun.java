package dev.gatebench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A started scenario: when it ends and how many VUs it has. Thread-safe. */
public final class ScenarioRun {
  private final Execution execution;
  private final Transport transport;
  private final CompletableFuture<Void> closed;

  ScenarioRun(Execution execution, Transport transport, CompletableFuture<Void> closed) {
    this.execution = execution;
    this.transport = transport;
    this.closed = closed;
  }

  /** Completes when the last iteration ended (or was interrupted after gracefulStop). */
  public CompletableFuture<Void> finished() {
    return execution.finished;
  }

  /** Iterations ended so far, completed or interrupted. */
  public long iterationsDone() {
    return execution.iterationsEnded();
  }

  /** VUs inside an iteration (request or think time) right now. */
  public int activeVus() {
    return execution.activeVus();
  }

  /** VUs that exist, busy or idle. */
  public int allocatedVus() {
    return execution.allocatedVus();
  }

  /** Whether the run's loops are polling for an arrival about to start rather than blocking. */
  boolean polling() {
    return transport.pacer().polling(System.nanoTime());
  }

  /** No new iterations; running ones get the scenario's gracefulStop. */
  public void stop() {
    execution.stop();
  }

  /** Ends now, interrupting running iterations. */
  public void abort() {
    execution.abort();
  }

  /**
   * Waits, at most {@code bound}, until the run's connections are closed and its event loops
   * stopped: so that a run started next meets neither the closes at its target nor the shutdown on
   * the generator's CPU. Returns false if the bound passed first; a close that failed has ended too.
   */
  public boolean awaitClosed(Duration bound) {
    try {
      closed.get(bound.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  /** {@code epoll} or {@code nio}. */
  public String transport() {
    return transport.kind();
  }

  /** CPU time of the run's event-loop threads so far; complete once {@link #finished()} completed. */
  GeneratorCpu.Reading generatorCpu() {
    GeneratorCpu cpu = transport.cpu();
    if (!finished().isDone()) cpu.sample();
    return cpu.reading();
  }
}
