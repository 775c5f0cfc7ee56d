package dev.gatebench.stack;

import java.util.Optional;

/**
 * How a gateway process that gatebench started ended, for code that holds only its
 * {@link ProcessHandle} (a handle has no exit status; the {@link Process} that started it has).
 */
public final class ProcessExits {
  private ProcessExits() {}

  /**
   * How a gateway process the stack started and has not stopped itself ended, e.g. status 137 after
   * {@code kill -9} (128 + signal, as {@link Process#exitValue()}), with its memory group's OOM kills;
   * empty while it runs, or for a process the stack did not start.
   */
  public static Optional<ProcessExit> of(ProcessHandle process) {
    return ShutdownStopper.INSTANCE.exit(process.pid());
  }
}
