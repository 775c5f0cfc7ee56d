package dev.gatebench.stack.image;

/** Makes the Debian base image from Debian's packages; {@link Debootstrap} in use, a fake in tests. */
interface Bootstrapper {
  /** Creates {@code tag}; fails with the one-line reason (no root, no debootstrap, no mirror, a failed step). */
  void bootstrap(String tag) throws ImageStepException;
}
