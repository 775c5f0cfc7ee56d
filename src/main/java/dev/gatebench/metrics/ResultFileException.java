package dev.gatebench.metrics;

import java.nio.file.Path;

/** A result file could not be written or read; the message names the file and the fix. */
public class ResultFileException extends RuntimeException {
  private final transient Path file;

  public ResultFileException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The file concerned. */
  public Path file() {
    return file;
  }
}
