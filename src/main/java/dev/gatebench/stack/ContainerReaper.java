package dev.gatebench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes gatebench's containers by label through the engine's API, each call bounded in time: a
 * run's own at its end and on Ctrl-C, and those a crashed run left behind at the next start.
 */
final class ContainerReaper {
  private ContainerReaper() {}

  /**
   * Removes every container labelled {@code dev.gatebench} whose run is no longer live.
   *
   * @return one line per container removed, e.g. {@code gatebench-litellm-6f1c2a90 (id 3f2a..., run 6f1c..., pid 4242 gone)}
   */
  static List<String> removeStale(DockerEngine engine, String thisHost) {
    List<String> removed = new ArrayList<>();
    for (JsonNode container : engine.containers(List.of(ContainerRun.GATEBENCH))) {
      Map<String, String> labels = labels(container);
      if (ContainerRun.isLive(labels, thisHost)) continue;
      String id = container.path("Id").asText();
      engine.remove(id);
      removed.add(name(container) + " (id " + id.substring(0, Math.min(12, id.length())) + ", run " + labels.get(ContainerRun.RUN) + ", pid " + labels.get(ContainerRun.PID)
          + " gone)");
    }
    return removed;
  }

  /**
   * Removes every container of {@code run}, trying all even when one fails.
   *
   * @throws StackCloseException naming each container that could not be removed, causes suppressed
   */
  static int removeRun(DockerEngine engine, ContainerRun run) {
    List<JsonNode> containers;
    try {
      containers = engine.containers(List.of(run.filter()));
    } catch (DockerEngineException e) {
      StackCloseException failure = new StackCloseException("the Docker engine at " + engine.endpoint()
          + " stopped answering, so this run's containers could not be removed (if the engine stopped, they "
          + "stopped with it); once it is back, the next run removes them, or now: docker rm -f $(docker ps -aq "
          + "--filter label=" + run.filter() + ")");
      failure.addSuppressed(e);
      throw failure;
    }
    List<Exception> failures = new ArrayList<>();
    for (JsonNode container : containers) {
      try {
        engine.remove(container.path("Id").asText());
      } catch (DockerEngineException e) {
        failures.add(e);
      }
    }
    if (failures.isEmpty()) return containers.size();
    StackCloseException failure = new StackCloseException("could not remove " + failures.size() + " of "
        + containers.size() + " containers of run " + run.id() + "; list them with docker ps -a --filter label="
        + run.filter());
    failures.forEach(failure::addSuppressed);
    throw failure;
  }

  private static Map<String, String> labels(JsonNode container) {
    Map<String, String> labels = new LinkedHashMap<>();
    container.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static String name(JsonNode container) {
    JsonNode names = container.path("Names");
    String name = names.isArray() && !names.isEmpty() ? names.get(0).asText() : container.path("Id").asText();
    return name.startsWith("/") ? name.substring(1) : name;
  }
}
