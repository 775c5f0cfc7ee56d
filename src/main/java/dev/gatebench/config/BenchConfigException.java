package dev.gatebench.config;

/** A configuration value gatebench cannot use; the message names the setting, the value and the fix. */
public class BenchConfigException extends RuntimeException {
  public BenchConfigException(String message) {
    super(message);
  }

  public BenchConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
