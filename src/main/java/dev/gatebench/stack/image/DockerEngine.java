package dev.gatebench.stack.image;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** What the resolver asks of Docker; {@link DockerCli} in use, a fake in tests. Bounded in time. */
interface DockerEngine {
  /** True when this engine has the image, e.g. {@code redis:7-alpine}. */
  boolean exists(String reference);

  /** Pulls the image within {@code timeout}; fails with the engine's one-line reason. */
  void pull(String reference, Duration timeout) throws ImageStepException;

  /** Gives {@code source} a second name. */
  void tag(String source, String target) throws ImageStepException;

  /**
   * Builds {@code context} (a folder with a Dockerfile) as {@code tag} with the host network.
   *
   * @param progress receives the build's step lines as they come
   * @param log receives the whole output
   */
  void build(Path context, String tag, Map<String, String> args, Consumer<String> progress, Path log)
      throws ImageStepException;

  /** Makes an image of a root file system folder ({@code docker import}). */
  void importRootfs(Path rootfs, String tag) throws ImageStepException;
}
