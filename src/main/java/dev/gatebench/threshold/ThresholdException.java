package dev.gatebench.threshold;

/** A threshold that cannot be parsed or does not fit the metric it names; the message says the fix. */
public class ThresholdException extends RuntimeException {
  public ThresholdException(String message) {
    super(message);
  }

  public ThresholdException(String message, Throwable cause) {
    super(message, cause);
  }
}
