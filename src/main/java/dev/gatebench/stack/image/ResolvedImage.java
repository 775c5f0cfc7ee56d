package dev.gatebench.stack.image;

import java.util.Objects;
import org.testcontainers.utility.DockerImageName;

/**
 * An image of the stack that this Docker engine has now.
 *
 * @param image which image of the stack
 * @param reference what to run, e.g. {@code redis:7-alpine} or {@code gatebench/redis:7.0-3f9a0c1e}
 * @param official the official image it stands for, e.g. {@code redis:7-alpine}
 * @param source how it came to be here
 */
public record ResolvedImage(StackImage image, String reference, String official, Source source) {
  /** How the image came to be on the engine. */
  public enum Source {
    /** It was there already: the configured image, or a local equivalent built before. */
    LOCAL,
    /** Pulled from its registry just now. */
    PULLED,
    /** Built just now from {@code compose/images/}. */
    BUILT
  }

  public ResolvedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(official, "official");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The reference for Testcontainers, declared a substitute for the official image so that typed
   * containers accept it ({@code new PostgreSQLContainer(resolved.dockerImageName())}).
   */
  public DockerImageName dockerImageName() {
    return DockerImageName.parse(reference).asCompatibleSubstituteFor(DockerImageName.parse(official).getUnversionedPart());
  }

  /** True when it is a local equivalent built from {@code compose/images/}, not the official image. */
  public boolean isLocalEquivalent() {
    return reference.startsWith("gatebench/");
  }
}
