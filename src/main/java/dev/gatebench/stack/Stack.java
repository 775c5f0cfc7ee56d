package dev.gatebench.stack;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.config.StackKind;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewayKinds;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.GatewayUnavailableException;
import dev.gatebench.gateway.RunningGateway;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
  private final String kind;
  private final List<GatewayAvailability> availability;
  private final Launcher launcher;

  private Stack(List<GatewayAvailability> availability, Launcher launcher) {
    this.kind = launcher.name();
    this.availability = List.copyOf(availability);
    this.launcher = launcher;
  }

  /**
   * Starts the gateways named by {@code gatebench.gateways} (all by default) the way
   * {@code gatebench.stack} says: auto = containers if a Docker engine answers, else processes.
   *
   * @throws dev.gatebench.config.BenchConfigException for unknown names or a missing API key
   * @throws dev.gatebench.gateway.GatewayStartException when a gateway that should run failed to start
   */
  public static Stack start(BenchConfig config, UpstreamEndpoint upstream) {
    GatewaySettings settings = GatewaySettings.from(config);
    List<GatewayKind> kinds = GatewayKinds.select(config.gateways());
    Launcher launcher = switch (resolve(config.stack())) {
      case CONTAINERS -> new ContainerStack(settings, upstream,
          config.get("gatebench.monitoring").map(Boolean::parseBoolean).orElse(false));
      case EXTERNAL -> new ExternalStack(settings);
      default -> new ProcessStack(settings, upstream);
    };
    return start(kinds, launcher, settings, upstream);
  }

  private static StackKind resolve(StackKind requested) {
    if (requested == StackKind.AUTO) return DockerCheck.isAvailable() ? StackKind.CONTAINERS : StackKind.PROCESSES;
    if (requested == StackKind.CONTAINERS && !DockerCheck.isAvailable()) {
      throw new BenchConfigException("gatebench.stack=containers needs a Docker engine but none answers; start "
          + "Docker, or use -Dgatebench.stack=processes (or auto, which falls back to processes)");
    }
    return requested;
  }

  static Stack start(List<GatewayKind> kinds, Launcher launcher, GatewaySettings settings,
      UpstreamEndpoint upstream) {
    List<GatewayAvailability> availability = new ArrayList<>();
    try {
      for (GatewayKind kind : kinds) availability.add(launch(kind, launcher, settings, upstream));
    } catch (RuntimeException e) {
      try {
        launcher.close();
      } catch (RuntimeException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    return new Stack(availability, launcher);
  }

  private static GatewayAvailability launch(GatewayKind kind, Launcher launcher, GatewaySettings settings,
      UpstreamEndpoint upstream) {
    try {
      Optional<URI> builtIn = kind.builtIn(upstream);
      Gateway gateway = builtIn.isPresent()
          ? new RunningGateway(kind, builtIn.get(), kind.authHeaders(settings), kind.version(settings),
              kind.facts(settings), Optional.empty())
          : launcher.launch(kind);
      return GatewayAvailability.started(gateway);
    } catch (GatewayUnavailableException e) {
      return GatewayAvailability.unavailable(kind.name(), e.getMessage());
    }
  }

  /** How the gateways run: {@code processes}, {@code containers} or {@code external}. */
  public String kind() {
    return kind;
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
