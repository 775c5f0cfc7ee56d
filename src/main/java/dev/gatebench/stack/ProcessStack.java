package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.GatewayStartException;
import dev.gatebench.gateway.GatewayUnavailableException;
import dev.gatebench.gateway.NeedsInstall;
import dev.gatebench.gateway.ProcessRequest;
import dev.gatebench.gateway.ProcessSpec;
import dev.gatebench.gateway.RunningGateway;
import dev.gatebench.gateway.RunsAsProcess;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gateways as local processes on 127.0.0.1, the default without Docker: each on a free port, its
 * output in {@code <logDir>/<row>.log} (e.g. {@code litellm-workers-4.log}), limited to 2 CPUs (and 1 GiB where cgroup v2 allows). What a
 * gateway needs on disk goes to a {@link PrivateDir}; secrets reach it only through its environment.
 */
final class ProcessStack implements Launcher {
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final GatewaySettings settings;
  private final UpstreamEndpoint upstream;
  private final HostLimits limits = HostLimits.detect();
  private final Closer closer = new Closer("the processes stack");
  private final Path privateDir;

  ProcessStack(GatewaySettings settings, UpstreamEndpoint upstream) {
    this.settings = settings;
    this.upstream = upstream;
    // registered first, so closed last: after every process that may still read from it
    this.privateDir = closer.register(PrivateDir.create()).path();
  }

  @Override
  public String name() {
    return "processes";
  }

  @Override
  public Gateway launch(GatewayContext row) throws GatewayUnavailableException {
    RunsAsProcess kind = Abilities.require(row, RunsAsProcess.class);
    String portSetting = row.row().params().containsKey("port") ? row.row().name()
        : "gatebench." + kind.name() + ".port";
    int port = row.fixedPort().orElseGet(Ports::free);
    Ports.requireFree(port, row.row().displayName(), portSetting);
    if (kind instanceof NeedsInstall install) install.install(row);
    ProcessSpec spec = kind.process(new ProcessRequest(row, upstream, port, rowDir(row)));
    ManagedProcess process = start(row, spec);
    // the cgroup can only be removed once its processes are gone: stop first, then remove
    limits.confine(process, memory(row)).ifPresent(cgroup -> closer.register(() -> {
      try (cgroup) {
        process.close();
      }
    }));
    URI baseUrl = URI.create("http://127.0.0.1:" + port);
    Readiness.await(process, row.row().displayName(), baseUrl, kind.readiness(), settings.readinessTimeout());
    if (PortOwner.isOwnedBy(port, process.handle()).filter(owned -> !owned).isPresent()) {
      throw Ports.taken(port, row.row().displayName(), portSetting);
    }
    return new RunningGateway(row.row(), baseUrl, row.requestHeaders(upstream), row.version(),
        facts(row, spec, process, port), Optional.of(process.handle()));
  }

  /** The row's memory cap: its own ({@code gatebench.<gateway>.memory}), else the original's 1 GiB. */
  private static long memory(GatewayContext row) {
    return row.memoryLimit().orElse(HostLimits.MEMORY_BYTES);
  }

  /** Each row's own folder in the private one: two rows of one kind write files of the same names. */
  private Path rowDir(GatewayContext row) {
    try {
      return Files.createDirectories(privateDir.resolve(row.row().fileName()));
    } catch (IOException e) {
      throw new GatewayStartException("cannot create " + privateDir.resolve(row.row().fileName()) + " for "
          + row.row().name() + ": " + e.getMessage(), e);
    }
  }

  private ManagedProcess start(GatewayContext row, ProcessSpec spec) {
    Path log = settings.logDir().resolve(row.row().fileName() + ".log").toAbsolutePath();
    try {
      return closer.register(ManagedProcess.start(row.row().name(), limits.wrap(spec.command()), spec.environment(),
          spec.workDir(), log, STOP_GRACE));
    } catch (IOException e) {
      throw new GatewayStartException("cannot start " + row.row().displayName() + " (" + spec.command().getFirst()
          + "): " + e.getMessage(), e);
    }
  }

  private Map<String, Object> facts(GatewayContext row, ProcessSpec spec, ManagedProcess process, int port) {
    Map<String, Object> facts = new LinkedHashMap<>(spec.facts());
    facts.put("version", row.version());
    facts.put("stack", name());
    facts.put("port", port);
    facts.put("pid", process.handle().pid());
    facts.put("log_file", process.logFile().toString());
    facts.putAll(limits.facts(memory(row)));
    return facts;
  }

  @Override
  public void close() {
    closer.close();
  }
}
