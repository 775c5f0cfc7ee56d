package dev.gatebench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a container ended, in words: OOM-killed by its memory limit, or its exit code. Code that holds
 * only a gateway's container id ({@link Stack#CONTAINER_ID}), as a row's liveness check does, asks
 * {@link #now(String)} of the engine that started it. Thread-safe.
 */
public final class ContainerExit {
  /** A row's liveness check asks once a second and must answer well within it, even of a hung engine. */
  static final Duration LOOK_TIMEOUT = Duration.ofMillis(500);
  private static final Map<String, Started> STARTED = new ConcurrentHashMap<>();

  private ContainerExit() {}

  /**
   * What the engine says of a gateway container right now.
   *
   * @param name the container's name, e.g. {@code gatebench-litellm-6f1c2a90}
   * @param ended whether it stopped; false also when the engine could not be asked
   * @param words e.g. {@code was OOM-killed by its 1024 MiB memory limit (exit 137)}, {@code exited with 1},
   *     {@code is running}, or {@code could not be inspected: <why>}
   */
  public record Seen(String name, boolean ended, String words) {
    public Seen {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(words, "words");
    }
  }

  private record Started(String name, DockerEngine engine) {}

  /**
   * Remembers which engine runs {@code containerId}, for {@link #now(String)}, until the returned
   * value is closed (when the stack that started it closes).
   */
  static AutoCloseable track(String containerId, String name, DockerEngine engine) {
    STARTED.put(containerId, new Started(name, new DockerEngine(engine.endpoint(), LOOK_TIMEOUT)));
    return () -> STARTED.remove(containerId);
  }

  /**
   * Asks the engine, within {@link #LOOK_TIMEOUT}, how a gateway container this JVM's stack started is
   * doing. Never throws: an engine that does not answer is a {@link Seen} that has not ended.
   *
   * @param containerId the full id, as {@link Stack#CONTAINER_ID} holds it
   * @return empty for a container no stack of this JVM started (or one whose stack closed)
   */
  public static Optional<Seen> now(String containerId) {
    Started started = STARTED.get(containerId);
    if (started == null) return Optional.empty();
    try {
      JsonNode inspect = started.engine().inspect(containerId);
      boolean ended = !inspect.path("State").path("Running").asBoolean(false);
      return Optional.of(new Seen(started.name(), ended, describe(inspect)));
    } catch (DockerEngineException e) {
      return Optional.of(new Seen(started.name(), false, "could not be inspected: " + e.getMessage()));
    }
  }

  /**
   * @param inspect the engine's inspect answer for the container
   * @return e.g. {@code was OOM-killed by its 1024 MiB memory limit (exit 137)}, {@code exited with 1}, or
   *     {@code is running}: what follows "the container" in a sentence
   */
  static String describe(JsonNode inspect) {
    JsonNode state = inspect.path("State");
    if (state.path("Running").asBoolean(false)) return "is running";
    long exit = state.path("ExitCode").asLong();
    if (state.path("OOMKilled").asBoolean(false)) {
      long limit = inspect.path("HostConfig").path("Memory").asLong();
      return "was OOM-killed by its " + (limit == 0 ? "host's" : (limit >> 20) + " MiB") + " memory limit (exit "
          + exit + ")";
    }
    String error = state.path("Error").asText("");
    return "exited with " + exit + (error.isEmpty() ? "" : " (" + error + ")");
  }
}
