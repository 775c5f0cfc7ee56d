package dev.gatebench.stack;

import java.util.OptionalInt;

/**
 * How a gateway process that gatebench started ended, for code that holds only its
 * {@link ProcessHandle} (a handle has no exit status; the {@link Process} that started it has).
 */
public final class ProcessExits {
  private ProcessExits() {}

  /**
   * The exit status of a gateway process the stack started and has not stopped itself, e.g. 137
   * after {@code kill -9} (128 + signal, as {@link Process#exitValue()}); empty while it runs, or
   * for a process the stack did not start.
   */
  public static OptionalInt of(ProcessHandle process) {
    return ShutdownStopper.INSTANCE.exitStatus(process.pid());
  }
}
