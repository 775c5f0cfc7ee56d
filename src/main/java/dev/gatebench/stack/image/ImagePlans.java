package dev.gatebench.stack.image;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.GatewaySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns settings into {@link ImagePlan}s: {@code gatebench.image.<key>} (default: the official
 * image), {@code gatebench.litellm.version}, {@code INFERXGATE_BIN}, and where the build folders
 * are ({@code gatebench.imagesDir}, default {@value #IMAGES_DIR}).
 */
final class ImagePlans {
  static final String IMAGES_DIR = "compose/images";

  private final BenchConfig config;
  private final Path imagesDir;
  private final String litellmVersion;

  ImagePlans(BenchConfig config) {
    this.config = config;
    this.imagesDir = Path.of(config.get("gatebench.imagesDir").orElse(IMAGES_DIR));
    this.litellmVersion = config.get("gatebench.litellm.version").orElse(GatewaySettings.LITELLM_VERSION);
  }

  String litellmVersion() {
    return litellmVersion;
  }

  ImagePlan plan(StackImage image) {
    String official = image.officialReference(litellmVersion);
    String reference = config.get(image.setting()).orElse(official);
    boolean overridden = !reference.equals(official);
    if (image.folder().isEmpty()) return ImagePlan.unbuildable(image, reference, overridden, StackImage.NO_CADVISOR_PACKAGE);
    Path folder = imagesDir.resolve(image.folder().orElseThrow());
    if (!Files.isRegularFile(folder.resolve("Dockerfile"))) {
      return ImagePlan.unbuildable(image, reference, overridden, "its build folder " + folder
          + " has no Dockerfile (run from gatebench's checkout, or set gatebench.imagesDir)");
    }
    Map<String, Path> extraFiles = Map.of();
    if (image == StackImage.INFERXGATE) {
      var binary = config.get("INFERXGATE_BIN").map(Path::of).filter(Files::isRegularFile);
      if (binary.isEmpty()) {
        return ImagePlan.unbuildable(image, reference, overridden,
            "INFERXGATE_BIN does not name an InferXgate binary to wrap, and gatebench never builds InferXgate");
      }
      extraFiles = Map.of("inferxgate", binary.orElseThrow());
    }
    Map<String, String> args = image == StackImage.LITELLM ? Map.of("LITELLM_VERSION", litellmVersion) : Map.of();
    String tag = "gatebench/" + image.key() + ":" + image.localVersion(litellmVersion) + "-"
        + ContextHash.of(folder, extraFiles, args);
    return ImagePlan.buildable(image, reference, overridden, new LocalBuild(folder, tag, args, extraFiles,
        image == StackImage.LITELLM || image == StackImage.POSTGRES ? "about 2 min" : "under a minute"));
  }
}
