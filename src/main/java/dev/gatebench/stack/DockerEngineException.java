package dev.gatebench.stack;

/** A Docker engine that did not answer in time, or refused a call; the message names the endpoint and the call. */
public final class DockerEngineException extends RuntimeException {
  public DockerEngineException(String message) {
    super(message);
  }

  public DockerEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
