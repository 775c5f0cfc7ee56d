package dev.gatebench.stack;

import dev.gatebench.gateway.InferXgate;
import dev.gatebench.gateway.LiteLlm;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;

/**
 * Images already on the engine, never pulled: {@code gatebench.image.<name>} when set, otherwise the
 * image compose/docker-compose.benchmark.yml names for the service.
 */
final class LocalImages implements ImageSource {
  /** The compose file's image per service. */
  static final Map<String, String> COMPOSE_IMAGES = Map.of(
      "inferxgate", InferXgate.IMAGE.asCanonicalNameString(),
      "litellm", LiteLlm.IMAGE.asCanonicalNameString(),
      "postgres", "postgres:18-alpine",
      "redis", "redis:7-alpine",
      "prometheus", "prom/prometheus:v2.47.0",
      "cadvisor", "gcr.io/cadvisor/cadvisor:v0.47.0",
      "influxdb", "influxdb:1.8");

  private final DockerEngine engine;
  private final ContainerSettings settings;

  LocalImages(DockerEngine engine, ContainerSettings settings) {
    this.engine = engine;
    this.settings = settings;
  }

  @Override
  public DockerImageName image(String name) throws ImageUnavailableException {
    String image = settings.image(name).orElseGet(() -> COMPOSE_IMAGES.get(name));
    if (image == null) {
      throw new IllegalArgumentException("no image is known for '" + name + "'; known: " + COMPOSE_IMAGES.keySet());
    }
    try {
      if (engine.imageExists(image)) return DockerImageName.parse(image);
    } catch (DockerEngineException e) {
      throw new ImageUnavailableException(name + ": cannot ask the engine for image " + image + ": "
          + e.getMessage(), e);
    }
    throw new ImageUnavailableException(name + ": image " + image + " is not on the Docker engine at "
        + engine.endpoint() + ", and gatebench does not pull; build or load it, or name a local image with -D"
        + ContainerSettings.IMAGE_PREFIX + name + "=<image>");
  }
}
