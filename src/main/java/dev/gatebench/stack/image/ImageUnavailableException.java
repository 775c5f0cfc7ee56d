package dev.gatebench.stack.image;

/**
 * An image of the stack could be neither found, pulled nor built. The message is one line that names
 * the image, its setting and the choices: load it from elsewhere, set the setting, or run the
 * processes stack.
 */
public class ImageUnavailableException extends RuntimeException {
  private final StackImage image;

  public ImageUnavailableException(StackImage image, String message) {
    super(message);
    this.image = image;
  }

  /** The image that is missing. */
  public StackImage image() {
    return image;
  }
}
