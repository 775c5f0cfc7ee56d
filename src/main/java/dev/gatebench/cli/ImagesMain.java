package dev.gatebench.cli;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.stack.image.ImageResolver;
import dev.gatebench.stack.image.ImageUnavailableException;
import dev.gatebench.stack.image.ResolvedImage;
import dev.gatebench.stack.image.StackImage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds, pulls or builds the container stack's images ahead of a run: {@code scripts/build-images.sh
 * [image...]}. Prints one line per image and the compose variables of the local equivalents. Exits 1
 * when a named image (with no names: LiteLLM, PostgreSQL or Redis, which the stack always needs) is
 * unavailable; the monitoring images and InferXgate are reported and optional.
 */
public final class ImagesMain {
  private static final Set<StackImage> NEEDED = EnumSet.of(StackImage.LITELLM, StackImage.POSTGRES, StackImage.REDIS);

  private ImagesMain() {}

  public static void main(String[] args) {
    try {
      ImageResolver resolver = ImageResolver.fromConfig(BenchConfig.load());
      System.exit(run(args, resolver::resolve, System.out));
    } catch (BenchConfigException | IllegalArgumentException e) {
      System.err.println("gatebench: " + e.getMessage());
      System.exit(2);
    }
  }

  /** The whole command without exiting; returns the exit code. */
  static int run(String[] args, Function<StackImage, ResolvedImage> resolver, PrintStream out) {
    List<StackImage> images = args.length == 0 ? List.of(StackImage.values())
        : Arrays.stream(args).map(StackImage::byKey).toList();
    Set<StackImage> required = args.length == 0 ? NEEDED : EnumSet.copyOf(images);
    List<ResolvedImage> found = new ArrayList<>();
    int exit = 0;
    for (StackImage image : images) {
      try {
        ResolvedImage resolved = resolver.apply(image);
        found.add(resolved);
        out.printf("%-11s %s (%s)%n", image.key(), resolved.reference(), resolved.source().name().toLowerCase(Locale.ROOT));
      } catch (ImageUnavailableException e) {
        out.printf("%-11s %s%s%n", image.key(), required.contains(image) ? "" : "(optional) ", e.getMessage());
        if (required.contains(image)) exit = 1;
      }
    }
    printComposeVariables(found, out);
    return exit;
  }

  private static void printComposeVariables(List<ResolvedImage> found, PrintStream out) {
    List<ResolvedImage> local = found.stream().filter(ResolvedImage::isLocalEquivalent).toList();
    if (local.isEmpty()) return;
    out.println("for docker compose (compose/docker-compose.benchmark.yml reads these):");
    local.forEach(image -> out.println("  GATEBENCH_IMAGE_" + image.image().key().toUpperCase(Locale.ROOT) + "="
        + image.reference()));
  }
}
