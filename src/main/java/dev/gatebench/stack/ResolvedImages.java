package dev.gatebench.stack;

import dev.gatebench.stack.image.ImageResolver;
import dev.gatebench.stack.image.StackImage;
import org.testcontainers.utility.DockerImageName;

/**
 * The images {@link ImageResolver} finds, pulls within its bound, or builds from compose/images: what
 * the containers stack runs, so a machine without a registry still gets every service it can build.
 */
final class ResolvedImages implements ImageSource {
  private final ImageResolver resolver;

  ResolvedImages(ImageResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public DockerImageName image(String name) throws ImageUnavailableException {
    if (StackImage.find(name).isEmpty()) {
      throw new ImageUnavailableException(name + " has no container image; run it with -Dgatebench.stack=processes");
    }
    try {
      return resolver.resolve(name).dockerImageName();
    } catch (dev.gatebench.stack.image.ImageUnavailableException e) {
      throw new ImageUnavailableException(e.getMessage(), e);
    }
  }
}
