package dev.gatebench.stack;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.StackKind;
import dev.gatebench.gateway.BuiltIn;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewayKinds;
import dev.gatebench.gateway.GatewayRow;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.GatewayStartException;
import dev.gatebench.gateway.GatewayUnavailableException;
import dev.gatebench.gateway.RunningGateway;
import dev.gatebench.gateway.UpstreamEndpoint;
import dev.gatebench.stack.image.ImageResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateways of one run, started for one upstream; closing stops everything started, collecting
 * every failure as a suppressed exception. Closing twice is a no-op. Thread-safe.
 *
 * <pre>{@code
 * try (Stack stack = Stack.start(BenchConfig.load(), UpstreamEndpoint.mock(mock.baseUrl(), mock.caCertificatePem()))) {
 *   for (Gateway g : stack.gateways()) ...      // started ones, in report order
 *   stack.availability()                        // per requested gateway: started, or why not
 * }
 * }</pre>
 */
public final class Stack implements AutoCloseable {
  /** The gateway fact holding a container gateway's full id, e.g. for sampling its cgroup. */
  public static final String CONTAINER_ID = "container_id";

  private final String kind;
  private final String choice;
  private final List<GatewayAvailability> availability;
  private final Launcher launcher;

  private Stack(List<GatewayAvailability> availability, Launcher launcher, String choice) {
    this.kind = launcher.name();
    this.choice = choice;
    this.availability = List.copyOf(availability);
    this.launcher = launcher;
  }

  /**
   * Starts the gateways named by {@code gatebench.gateways} (all by default) the way
   * {@code gatebench.stack} says: auto = containers if a Docker engine answers within 2 s, else
   * processes. Prints which stack runs and why on one console line, e.g.
   * {@code gatebench: stack: containers (auto: Docker 20.10.24 answered at unix:///var/run/docker.sock)}.
   *
   * A gateway that should run but fails to start does not stop the others: its availability holds the
   * failure, and the console says so on one line.
   *
   * @throws dev.gatebench.config.BenchConfigException for unknown names or a missing API key
   */
  public static Stack start(BenchConfig config, UpstreamEndpoint upstream) {
    GatewaySettings settings = GatewaySettings.from(config);
    List<GatewayRow> rows = GatewayKinds.select(config.gateways());
    ContainerSettings containers = ContainerSettings.from(config);
    StackChoice choice = StackChoice.decide(config.stack(), containers.required(), DockerCheck::check);
    System.out.println("gatebench: stack: " + choice);
    Launcher launcher = switch (choice.kind()) {
      case CONTAINERS -> choice.engine().<Launcher>map(engine -> ContainerStack.start(settings, containers,
          engine, ImageResolver.fromConfig(config), upstream)).orElseGet(() -> new NoEngine(choice));
      case EXTERNAL -> new ExternalStack(upstream);
      default -> new ProcessStack(settings, upstream);
    };
    return start(rows.stream().map(settings::context).toList(), launcher, upstream, choice);
  }

  /** The plain rows of {@code kinds}, as the processes stack's choice. */
  static Stack start(List<GatewayKind> kinds, Launcher launcher, GatewaySettings settings,
      UpstreamEndpoint upstream) {
    return start(kinds.stream().map(settings::context).toList(), launcher, upstream,
        new StackChoice(StackKind.PROCESSES, launcher.name(), Optional.empty()));
  }

  private static Stack start(List<GatewayContext> rows, Launcher launcher, UpstreamEndpoint upstream,
      StackChoice choice) {
    List<GatewayAvailability> availability = new ArrayList<>();
    try {
      launcher.plan(rows);
      for (GatewayContext row : rows) {
        availability.add(choice.skipsEverything() ? GatewayAvailability.unavailable(row.row().name(),
            NoEngine.reason(row.row().name(), choice)) : launch(row, launcher, upstream, choice));
      }
    } catch (RuntimeException e) {
      try {
        launcher.close();
      } catch (RuntimeException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    return new Stack(availability, launcher, choice.toString());
  }

  private static GatewayAvailability launch(GatewayContext row, Launcher launcher, UpstreamEndpoint upstream,
      StackChoice choice) {
    try {
      row.kind().checkAvailable(row, upstream);
      Gateway gateway = row.kind() instanceof BuiltIn builtIn
          ? new RunningGateway(row.row(), builtIn.baseUrl(upstream), row.requestHeaders(upstream), row.version(),
              row.facts(), Optional.empty())
          : launcher.launch(row);
      return GatewayAvailability.started(withChoice(gateway, choice));
    } catch (GatewayUnavailableException e) {
      return GatewayAvailability.unavailable(row.row().name(), e.getMessage());
    } catch (GatewayStartException e) {
      System.out.println("gatebench: " + row.row().name() + " failed to start, its rows fail and the others run: "
          + e.getMessage().lines().findFirst().orElse(""));
      return GatewayAvailability.failedToStart(row.row().name(), e);
    }
  }

  /** Every result says which stack ran and why, as the console did. */
  private static Gateway withChoice(Gateway gateway, StackChoice choice) {
    if (!(gateway instanceof RunningGateway running)) return gateway;
    Map<String, Object> facts = new LinkedHashMap<>(running.facts());
    facts.putIfAbsent("stack", choice.stackName());
    facts.put("stack_choice", choice.toString());
    return running.withFacts(facts);
  }

  /** How the gateways run: {@code processes}, {@code containers} or {@code external}. */
  public String kind() {
    return kind;
  }

  /** Which stack runs and why, e.g. {@code processes (auto: no Docker engine answered within 2 s (...))}. */
  public String choice() {
    return choice;
  }

  /** Per requested gateway, in report order: started, or why not and how to enable it. */
  public List<GatewayAvailability> availability() {
    return availability;
  }

  /** The started gateways, in report order. */
  public List<Gateway> gateways() {
    return availability.stream().flatMap(a -> a.gateway().stream()).toList();
  }

  public Optional<Gateway> gateway(String name) {
    return gateways().stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** Stops everything; idempotent. @throws StackCloseException with every failure suppressed */
  @Override
  public void close() {
    launcher.close();
  }
}
