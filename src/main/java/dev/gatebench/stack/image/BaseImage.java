package dev.gatebench.stack.image;

import java.time.Duration;

/**
 * {@value #TAG}, which every local build starts from: present, else Debian's own
 * {@value #UPSTREAM} (present or pulled), else bootstrapped from Debian's packages.
 */
final class BaseImage {
  static final String TAG = "gatebench/debian-base:bookworm";
  static final String UPSTREAM = "debian:bookworm-slim";

  private final DockerEngine docker;
  private final Bootstrapper bootstrapper;
  private final Duration pullTimeout;

  BaseImage(DockerEngine docker, Bootstrapper bootstrapper, Duration pullTimeout) {
    this.docker = docker;
    this.bootstrapper = bootstrapper;
    this.pullTimeout = pullTimeout;
  }

  /** Makes sure the base exists; fails with why it cannot (the pull's and the bootstrap's reasons). */
  void ensure() throws ImageStepException {
    if (docker.exists(TAG)) return;
    String pullFailure;
    try {
      if (!docker.exists(UPSTREAM)) docker.pull(UPSTREAM, pullTimeout);
      docker.tag(UPSTREAM, TAG);
      return;
    } catch (ImageStepException e) {
      pullFailure = e.getMessage();
    }
    try {
      bootstrapper.bootstrap(TAG);
    } catch (ImageStepException e) {
      throw new ImageStepException("its base " + TAG + " is missing: pulling " + UPSTREAM + " failed ("
          + pullFailure + ") and " + e.getMessage(), e);
    }
  }
}
