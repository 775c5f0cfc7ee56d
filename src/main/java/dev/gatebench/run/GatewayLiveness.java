package dev.gatebench.run;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.AbortSignal;
import dev.gatebench.stack.ContainerExit;
import dev.gatebench.stack.ProcessExit;
import dev.gatebench.stack.ProcessExits;
import dev.gatebench.stack.Stack;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the gateway under load is still there, asked once a second while its row runs: its
 * process (when gatebench started one) has not exited, its container (when gatebench started one)
 * has not stopped, and not every connection to it has been refused for {@code gatebench.deadAfter}.
 * The reason names the gateway, its exit status (an OOM kill by its memory limit included, of a
 * process or a container) and its log, so that the row's failure says where to look. The gateway is not
 * restarted: its row ends, the other rows go on. Thread-safe.
 */
final class GatewayLiveness implements AbortSignal {
  static final String DEAD_AFTER = "gatebench.deadAfter";
  /** Long enough that a listener being re-opened is not called dead, short enough to notice a dead one in seconds. */
  static final String DEFAULT_DEAD_AFTER = "3s";
  /** The JVM learns a child's exit status a moment after the OS reports it gone. */
  private static final int STATUS_POLLS = 10;
  private static final Duration STATUS_POLL = Duration.ofMillis(20);

  private final Gateway gateway;
  private final String deadAfterText;
  private final AbortSignal refused;
  private final Function<ProcessHandle, Optional<ProcessExit>> exits;
  private final Function<String, Optional<ContainerExit.Seen>> containers;

  /** @param exits how a gateway process ended, empty while it runs; as {@link ProcessExits#of} */
  GatewayLiveness(Gateway gateway, Duration deadAfter, String deadAfterText,
      Function<ProcessHandle, Optional<ProcessExit>> exits) {
    this(gateway, deadAfter, deadAfterText, exits, ContainerExit::now);
  }

  /** @param containers how a gateway container is doing, by its id; as {@link ContainerExit#now} */
  GatewayLiveness(Gateway gateway, Duration deadAfter, String deadAfterText,
      Function<ProcessHandle, Optional<ProcessExit>> exits, Function<String, Optional<ContainerExit.Seen>> containers) {
    this.gateway = gateway;
    this.deadAfterText = deadAfterText;
    this.refused = AbortSignal.whenRefusedFor(deadAfter);
    this.exits = exits;
    this.containers = containers;
  }

  /** @throws BenchConfigException when {@code gatebench.deadAfter} is not a positive duration */
  static GatewayLiveness of(Gateway gateway, BenchConfig config) {
    Duration deadAfter = config.duration(DEAD_AFTER, DEFAULT_DEAD_AFTER);
    String text = config.get(DEAD_AFTER).orElse(DEFAULT_DEAD_AFTER);
    if (deadAfter.isZero()) {
      throw new BenchConfigException(DEAD_AFTER + " must be > 0 but was '" + text + "'; it is how long every "
          + "connection to a gateway may be refused before its row ends, e.g. -D" + DEAD_AFTER + "="
          + DEFAULT_DEAD_AFTER);
    }
    return new GatewayLiveness(gateway, deadAfter, text, ProcessExits::of);
  }

  /**
   * A container is asked of its engine only once connections are refused, when it may have gone: an
   * engine call each second of a healthy row would be load the Direct row does not have.
   */
  @Override
  public Optional<String> reason(Traffic traffic) {
    Optional<ProcessHandle> process = gateway.process();
    if (process.isPresent() && !process.get().isAlive()) return Optional.of(exited(process.get()));
    Optional<ContainerExit.Seen> container = traffic.refusedFor().isZero() ? Optional.empty() : container();
    if (container.isPresent() && container.get().ended()) return Optional.of(ended(container.get()));
    return refused.reason(traffic).map(refusal -> stoppedAnswering(refusal, process, container));
  }

  private Optional<ContainerExit.Seen> container() {
    return gateway.facts().get(Stack.CONTAINER_ID) instanceof String id ? containers.apply(id) : Optional.empty();
  }

  /** e.g. {@code gateway LiteLLM (pid 4242) was OOM-killed by its 1024 MiB memory limit (exit 137); its log: ...}. */
  private String exited(ProcessHandle process) {
    return "gateway " + gateway.displayName() + " (pid " + process.pid() + ") " + exit(process)
        + "; its log: " + logFile();
  }

  /** e.g. {@code gateway LiteLLM (container gatebench-litellm-6f1c2a90) was OOM-killed by its 1024 MiB ...}. */
  private String ended(ContainerExit.Seen container) {
    return "gateway " + gateway.displayName() + " (container " + container.name() + ") " + container.words()
        + logOf(Optional.of(container));
  }

  private String stoppedAnswering(String refusal, Optional<ProcessHandle> process,
      Optional<ContainerExit.Seen> container) {
    String state = process.map(p -> "its process (pid " + p.pid() + ") is still running")
        .or(() -> container.map(c -> "its container " + c.name() + " " + c.words()))
        .orElse("it runs as no local process gatebench could check");
    return "gateway " + gateway.displayName() + " stopped answering at " + gateway.baseUrl() + ": " + refusal
        + " (" + DEAD_AFTER + "=" + deadAfterText + "); " + state + logOf(container);
  }

  /** A container's output is kept by its engine, not in a file, unless the stack recorded one. */
  private String logOf(Optional<ContainerExit.Seen> container) {
    if (container.isEmpty() || gateway.facts().containsKey("log_file")) return "; its log: " + logFile();
    return "; its log: docker logs " + container.get().name() + " (until the run ends and removes it)";
  }

  private String exit(ProcessHandle process) {
    Optional<ProcessExit> exit = exits.apply(process);
    for (int i = 0; exit.isEmpty() && i < STATUS_POLLS; i++) {
      sleep();
      exit = exits.apply(process);
    }
    return exit.map(ProcessExit::words).orElse("exited (exit status unknown)");
  }

  private String logFile() {
    Object log = gateway.facts().get("log_file");
    return log == null ? "none recorded" : log.toString();
  }

  private static void sleep() {
    try {
      Thread.sleep(STATUS_POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
