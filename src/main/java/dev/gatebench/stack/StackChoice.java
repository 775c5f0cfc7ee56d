package dev.gatebench.stack;

import dev.gatebench.config.BenchConfigException;
import dev.gatebench.config.StackKind;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which stack runs and why, in one line a user reads on the console and finds in every result:
 * {@code containers (auto: Docker 20.10.24 answered at unix:///var/run/docker.sock)} or
 * {@code processes (auto: no Docker engine answered within 2 s (...))}.
 *
 * @param kind the stack that runs; {@link StackKind#CONTAINERS} with no engine means every row is skipped
 * @param reason why, e.g. {@code auto: Docker 20.10.24 answered at unix:///var/run/docker.sock}
 * @param engine the engine that answered, for the containers stack
 */
record StackChoice(StackKind kind, String reason, Optional<DockerEngine> engine) {
  StackChoice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(engine, "engine");
    if (kind == StackKind.AUTO) throw new IllegalArgumentException("a choice is never auto; it says what auto chose");
  }

  /**
   * @param requested {@code gatebench.stack}
   * @param required {@code gatebench.containers.required}: whether containers without an engine fail the run
   * @param docker asked only when the choice depends on it
   * @throws BenchConfigException for {@code containers} without an engine when required
   */
  static StackChoice decide(StackKind requested, boolean required, Supplier<DockerCheck.Verdict> docker) {
    String setting = "gatebench.stack=" + requested.name().toLowerCase(Locale.ROOT);
    return switch (requested) {
      case AUTO -> {
        DockerCheck.Verdict verdict = docker.get();
        yield new StackChoice(verdict.available() ? StackKind.CONTAINERS : StackKind.PROCESSES,
            "auto: " + verdict.reason(), verdict.engine());
      }
      case CONTAINERS -> {
        DockerCheck.Verdict verdict = docker.get();
        if (!verdict.available() && required) {
          throw new BenchConfigException(setting + " needs a Docker engine but " + verdict.reason() + "; start "
              + "Docker, or use -Dgatebench.stack=processes (or auto, which falls back to processes)");
        }
        yield new StackChoice(StackKind.CONTAINERS, setting + ": " + verdict.reason(), verdict.engine());
      }
      default -> new StackChoice(requested, setting, Optional.empty());
    };
  }

  /** Containers were asked for but no engine answered: every row is skipped with this choice's reason. */
  boolean skipsEverything() {
    return kind == StackKind.CONTAINERS && engine.isEmpty();
  }

  String stackName() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return stackName() + " (" + reason + ")";
  }
}
