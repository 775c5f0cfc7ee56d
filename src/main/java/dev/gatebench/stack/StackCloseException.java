package dev.gatebench.stack;

/** Stopping a stack failed for some of its parts; every failure is attached as a suppressed exception. */
public class StackCloseException extends RuntimeException {
  public StackCloseException(String message) {
    super(message);
  }
}
