package dev.gatebench.stack;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.BasicKind;
import dev.gatebench.gateway.ContainerRequest;
import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.Probe;
import dev.gatebench.gateway.ReportsVersion;
import dev.gatebench.gateway.RunsAsContainer;
import dev.gatebench.gateway.ResourceLimit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;

/**
 * A stand-in gateway for container tests: a perl HTTP responder on the request's port in the Debian
 * base image, after a shell prefix (e.g. a CPU burner {@code "perl -e '1 while 1' & "}, or a memory hog
 * followed by {@code && }) and with an optional limit; or a script of its own ({@link #scripted}).
 */
final class StubKind extends BasicKind implements RunsAsContainer, ReportsVersion {
  /** Answers every request 200 "ok" on 127.0.0.1:$PORT. */
  static final String RESPONDER = "perl -MIO::Socket::INET -e '$s=IO::Socket::INET->new(LocalAddr=>\"127.0.0.1\","
      + "LocalPort=>$ENV{PORT},Listen=>16,ReuseAddr=>1) or die $!; while($c=$s->accept){<$c>; "
      + "print $c \"HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok\"; close $c}'";

  private final String image;
  private final String script;
  private final Optional<ResourceLimit> limit;
  private final List<String> dependencies;

  StubKind(String name, String image, String scriptPrefix, Optional<ResourceLimit> limit) {
    this(name, image, scriptPrefix, limit, List.of());
  }

  StubKind(String name, String image, String scriptPrefix, Optional<ResourceLimit> limit, List<String> dependencies) {
    this(name, image, limit, dependencies, scriptPrefix + "exec " + RESPONDER);
  }

  private StubKind(String name, String image, Optional<ResourceLimit> limit, List<String> dependencies,
      String script) {
    super(name, "Stub " + name, Probe.get("/"), 8080);
    this.image = image;
    this.script = script;
    this.limit = limit;
    this.dependencies = List.copyOf(dependencies);
  }

  /** A stand-in that runs {@code script} with {@code sh -c} as it is: the script listens on $PORT itself. */
  static StubKind scripted(String name, String image, String script, Optional<ResourceLimit> limit) {
    return new StubKind(name, image, limit, List.of(), script);
  }

  String image() {
    return image;
  }

  /** The plain row of {@code kind} with the default settings, as a stack launches it. */
  static GatewayContext row(GatewayKind kind) {
    return GatewaySettings.from(BenchConfig.of(Map.of(), Map.of(), Map.of())).context(kind);
  }

  @Override
  public String version(GatewayContext context) {
    return "stub";
  }

  @Override
  public Map<String, Object> facts(GatewayContext context) {
    return Map.of("stub", true);
  }

  @Override
  public GenericContainer<?> container(ContainerRequest request) {
    GenericContainer<?> container = new GenericContainer<>(request.image()).withEnv("PORT",
        Integer.toString(request.port())).withCommand("sh", "-c", script);
    request.attach(container);
    limit.ifPresent(container::withCreateContainerCmdModifier);
    return container;
  }

  @Override
  public List<String> containerDependencies() {
    return dependencies;
  }
}
