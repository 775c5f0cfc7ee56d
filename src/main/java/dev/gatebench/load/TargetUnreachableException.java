package dev.gatebench.load;

/** The target did not accept a TCP connection before the run started. */
public final class TargetUnreachableException extends RuntimeException {
  TargetUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
