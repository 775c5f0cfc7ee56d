package dev.gatebench.report.gate;

/** A baseline that cannot be used: missing, corrupt or of another suite. The message says which and the fix. */
public class BaselineException extends RuntimeException {
  public BaselineException(String message) {
    super(message);
  }

  public BaselineException(String message, Throwable cause) {
    super(message, cause);
  }
}
