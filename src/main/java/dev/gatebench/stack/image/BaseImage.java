package dev.gatebench.stack.image;

import dev.gatebench.cache.BuildOnce;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@value #TAG}, which every local build starts from: present, else Debian's own
 * {@value #UPSTREAM} (present or pulled), else bootstrapped from Debian's packages; once
 * ({@link BuildOnce}: the engine having the tag is the marker), whichever runs ask for it at once.
 */
final class BaseImage {
  static final String TAG = "gatebench/debian-base:bookworm";
  static final String UPSTREAM = "debian:bookworm-slim";

  private final DockerEngine docker;
  private final Bootstrapper bootstrapper;
  private final Duration pullTimeout;
  private final Path lockFile;

  /** @param lockFile held while the base is made, e.g. {@code ~/.cache/gatebench/locks/image-debian-base.lock} */
  BaseImage(DockerEngine docker, Bootstrapper bootstrapper, Duration pullTimeout, Path lockFile) {
    this.docker = docker;
    this.bootstrapper = bootstrapper;
    this.pullTimeout = pullTimeout;
    this.lockFile = lockFile;
  }

  /** Makes sure the base exists; fails with why it cannot (the pull's and the bootstrap's reasons). */
  void ensure() throws ImageStepException {
    try {
      BuildOnce.ensure(lockFile, () -> docker.exists(TAG), this::make);
    } catch (IOException e) {
      throw new ImageStepException("its base " + TAG + " cannot be made: " + e.getMessage() + " (lock " + lockFile
          + ")", e);
    }
  }

  private void make() throws ImageStepException {
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
