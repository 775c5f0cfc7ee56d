package dev.gatebench.gateway;

import java.util.List;
import org.testcontainers.containers.GenericContainer;

/** A gateway that runs as a container: the containers stack starts it from the image of its name. */
public interface RunsAsContainer extends GatewayKind {
  /** Its container, attached with {@link ContainerRequest#attach}, not started. */
  GenericContainer<?> container(ContainerRequest request);

  /** Aliases of the containers it needs started first, e.g. {@code [postgres, redis]}. */
  default List<String> containerDependencies() {
    return List.of();
  }
}
