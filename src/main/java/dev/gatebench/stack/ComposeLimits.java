package dev.gatebench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatebench.gateway.MemorySize;
import dev.gatebench.gateway.ResourceLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A service's {@code deploy.resources} in compose/docker-compose.benchmark.yml as a {@link ResourceLimit}:
 * {@code limits.cpus} and {@code limits.memory}, plus {@code reservations.memory} when present (Docker
 * outside swarm has no CPU reservation, so {@code reservations.cpus} is not applied). Without the file or
 * the section, the original suite's 2 CPUs / 1 GiB.
 */
final class ComposeLimits {
  static final Path COMPOSE_FILE = Path.of("compose/docker-compose.benchmark.yml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ComposeLimits() {}

  static ResourceLimit of(String service) {
    return of(COMPOSE_FILE, service);
  }

  static ResourceLimit of(Path composeFile, String service) {
    if (!Files.isRegularFile(composeFile)) return ResourceLimit.GATEWAY;
    try {
      JsonNode resources = YAML.readTree(composeFile.toFile()).path("services").path(service).path("deploy")
          .path("resources");
      JsonNode limits = resources.path("limits");
      if (limits.isMissingNode()) return ResourceLimit.GATEWAY;
      long nanoCpus = Math.round(Double.parseDouble(limits.path("cpus").asText("2")) * 1e9);
      long memory = bytes(limits.path("memory").asText("1G"));
      JsonNode reserved = resources.path("reservations").path("memory");
      return new ResourceLimit(nanoCpus, memory,
          reserved.isMissingNode() ? OptionalLong.empty() : OptionalLong.of(bytes(reserved.asText())));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(composeFile + ": cannot read deploy.resources of service '" + service
          + "': " + e.getMessage() + "; fix the file (e.g. limits: {cpus: '2', memory: 1G})", e);
    }
  }

  /** Compose's sizes are binary: {@code 1G} = 1073741824, {@code 512m} = 536870912. */
  static long bytes(String text) {
    return MemorySize.bytes(text);
  }
}
