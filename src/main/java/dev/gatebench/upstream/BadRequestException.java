package dev.gatebench.upstream;

/** A client mistake the mock answers with a 4xx in the API's error shape. */
final class BadRequestException extends Exception {

  private final int status;

  BadRequestException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
