package dev.gatebench.stack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.stack.image.ImageResolver;
import dev.gatebench.stack.image.ResolvedImage;
import dev.gatebench.stack.image.StackImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Docker engine of this machine for tests that need one: they are skipped, with the reason, where
 * no engine answers or an image is missing (gatebench never pulls).
 */
final class DockerHere {
  /** A Debian image every container test can run (perl included); {@code -Dgatebench.test.baseImage} overrides. */
  static final String BASE_IMAGE = System.getProperty("gatebench.test.baseImage", "gatebench/debian-base:bookworm");

  private DockerHere() {}

  static DockerEngine engineOrSkip() {
    DockerCheck.Verdict verdict = DockerCheck.check();
    assumeTrue(verdict.available(), verdict.reason());
    return verdict.engine().orElseThrow();
  }

  static String imageOrSkip(DockerEngine engine, String image) {
    assumeTrue(engine.imageExists(image), "image " + image + " is not on the engine; gatebench never pulls");
    return image;
  }

  /**
   * The image for a service from {@code -Dgatebench.image.<name>}, else the compose file's, else its local
   * equivalent built before; skips when the engine has none (a test never pulls or builds).
   */
  static String serviceImageOrSkip(DockerEngine engine, String service) {
    Map<String, String> properties = new HashMap<>();
    Optional.ofNullable(System.getProperty(ContainerSettings.IMAGE_PREFIX + service))
        .ifPresent(image -> properties.put(ContainerSettings.IMAGE_PREFIX + service, image));
    Optional<String> image = ImageResolver.fromConfig(BenchConfig.of(properties, Map.of(), Map.of()))
        .onEngine(service).map(ResolvedImage::reference);
    assumeTrue(image.isPresent(), "no image for " + service + " is on the engine (" + StackImage.byKey(service)
        .officialReference(GatewaySettings.LITELLM_VERSION) + " nor its local equivalent); gatebench never pulls in tests");
    return imageOrSkip(engine, image.get());
  }

  /** Runs the docker CLI, bounded to 60 s; its output, or a failure with it. */
  static String docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not end within 60 s");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.exitValue() != 0) throw new IllegalStateException(command + " failed: " + out);
    return out;
  }
}
