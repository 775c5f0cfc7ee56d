package dev.gatebench.stack;

import org.testcontainers.utility.DockerImageName;

/**
 * Where the containers stack gets its images. Whatever it returns must already be on the engine:
 * the stack never lets Testcontainers pull (a pull that cannot succeed retries for two minutes).
 * Names are the services of compose/docker-compose.benchmark.yml: {@code inferxgate}, {@code litellm},
 * {@code postgres}, {@code redis}, {@code prometheus}, {@code cadvisor}, {@code influxdb}.
 * Implementations are thread-safe.
 */
public interface ImageSource {
  /**
   * A local image for the service {@code name}, e.g. {@code litellm → gatebench/litellm:1.106.12}.
   *
   * @throws ImageUnavailableException when no image can be had here, saying why and how to provide one
   */
  DockerImageName image(String name) throws ImageUnavailableException;
}
