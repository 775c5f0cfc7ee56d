package dev.gatebench.junit;

/**
 * The stack could not be stopped once the suites had ended: what is left running and the command that
 * removes it, in one first line, with the stack's own failure (every part's, suppressed) as the cause.
 *
 * <p>An {@link AssertionError} on purpose: JUnit wraps an {@link Exception} thrown while its root store
 * closes in "Failed to close extension context", but reports an error as it is, and a run that leaves
 * something behind has failed as a failed assertion has.
 */
final class StackNotStoppedError extends AssertionError {
  StackNotStoppedError(String message, Throwable cause) {
    super(message, cause);
  }
}
