package dev.gatebench.stack;

/**
 * No image for a service on this engine; the message says which image, why, and how to provide it, e.g.
 * {@code litellm: image ghcr.io/berriai/litellm:main-stable is not on this Docker engine ...}.
 */
public final class ImageUnavailableException extends Exception {
  public ImageUnavailableException(String message) {
    super(message);
  }

  public ImageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
