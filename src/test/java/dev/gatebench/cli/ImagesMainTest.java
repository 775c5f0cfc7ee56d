package dev.gatebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.stack.image.ImageUnavailableException;
import dev.gatebench.stack.image.ResolvedImage;
import dev.gatebench.stack.image.StackImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ImagesMainTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** Builds every image that has a local equivalent; cAdvisor has none. */
  private static final Function<StackImage, ResolvedImage> BUILDER = image -> {
    if (image.folder().isEmpty() || image == StackImage.INFERXGATE) {
      throw new ImageUnavailableException(image, "image '" + image.key() + "' is unavailable: no equivalent");
    }
    return new ResolvedImage(image, "gatebench/" + image.key() + ":x-0123abcd", "official/" + image.key(),
        ResolvedImage.Source.BUILT);
  };

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void succeedsWhenTheImagesTheStackNeedsAreThereAndMarksTheOthersOptional() {
    int exit = ImagesMain.run(new String[0], BUILDER, out);

    assertThat(exit).as("exit code").isZero();
    assertThat(printed()).contains("redis       gatebench/redis:x-0123abcd (built)")
        .contains("cadvisor    (optional) image 'cadvisor' is unavailable: no equivalent")
        .contains("  GATEBENCH_IMAGE_LITELLM=gatebench/litellm:x-0123abcd");
  }

  @Test
  void failsWhenAnImageNamedOnTheCommandLineIsUnavailable() {
    int exit = ImagesMain.run(new String[] {"redis", "cadvisor"}, BUILDER, out);

    assertThat(exit).as("exit code").isEqualTo(1);
    assertThat(printed()).contains("cadvisor    image 'cadvisor' is unavailable").doesNotContain("litellm");
  }
}
