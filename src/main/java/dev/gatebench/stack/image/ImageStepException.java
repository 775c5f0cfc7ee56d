package dev.gatebench.stack.image;

/** One step towards an image failed (a pull, a build, the base); the message is the short reason. */
class ImageStepException extends Exception {
  ImageStepException(String reason) {
    super(reason);
  }

  ImageStepException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
