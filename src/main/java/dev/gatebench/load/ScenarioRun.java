package dev.gatebench.load;

import java.util.concurrent.CompletableFuture;

/** A started scenario: when it ends and how many VUs it has. Thread-safe. */
public final class ScenarioRun {
  private final Execution execution;
  private final Transport transport;

  ScenarioRun(Execution execution, Transport transport) {
    this.execution = execution;
    this.transport = transport;
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

  /** No new iterations; running ones get the scenario's gracefulStop. */
  public void stop() {
    execution.stop();
  }

  /** Ends now, interrupting running iterations. */
  public void abort() {
    execution.abort();
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
