package dev.gatebench.stack.image;

import java.util.Objects;
import java.util.Optional;

/**
 * What the resolver knows about one image before asking Docker.
 *
 * @param image which image of the stack
 * @param reference the image to use: the setting's value, or the official default
 * @param overridden true when the setting was given: then nothing else is built in its place
 * @param build how to build the local equivalent, when one can be built
 * @param noBuildReason why none can be built, when {@code build} is empty
 */
record ImagePlan(StackImage image, String reference, boolean overridden, Optional<LocalBuild> build,
    Optional<String> noBuildReason) {
  ImagePlan {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(reference, "reference");
    if (build.isEmpty() == noBuildReason.isEmpty()) {
      throw new IllegalArgumentException("an image plan has either a local build or the reason it has none");
    }
  }

  static ImagePlan buildable(StackImage image, String reference, boolean overridden, LocalBuild build) {
    return new ImagePlan(image, reference, overridden, Optional.of(build), Optional.empty());
  }

  static ImagePlan unbuildable(StackImage image, String reference, boolean overridden, String reason) {
    return new ImagePlan(image, reference, overridden, Optional.empty(), Optional.of(reason));
  }
}
