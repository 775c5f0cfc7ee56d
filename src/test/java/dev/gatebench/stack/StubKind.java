package dev.gatebench.stack;

import dev.gatebench.gateway.ContainerRequest;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.ProcessRequest;
import dev.gatebench.gateway.ProcessSpec;
import dev.gatebench.gateway.Probe;
import dev.gatebench.gateway.ResourceLimit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;

/**
 * A stand-in gateway for container tests: a perl HTTP responder on the request's port in the Debian
 * base image, after a shell prefix (e.g. a CPU burner {@code "perl -e '1 while 1' & "}, or a memory hog
 * followed by {@code && }) and with an optional limit.
 */
final class StubKind implements GatewayKind {
  /** Answers every request 200 "ok" on 127.0.0.1:$PORT. */
  static final String RESPONDER = "perl -MIO::Socket::INET -e '$s=IO::Socket::INET->new(LocalAddr=>\"127.0.0.1\","
      + "LocalPort=>$ENV{PORT},Listen=>16,ReuseAddr=>1) or die $!; while($c=$s->accept){<$c>; "
      + "print $c \"HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok\"; close $c}'";

  private final String name;
  private final String image;
  private final String scriptPrefix;
  private final Optional<ResourceLimit> limit;
  private final List<String> dependencies;

  StubKind(String name, String image, String scriptPrefix, Optional<ResourceLimit> limit) {
    this(name, image, scriptPrefix, limit, List.of());
  }

  StubKind(String name, String image, String scriptPrefix, Optional<ResourceLimit> limit, List<String> dependencies) {
    this.name = name;
    this.image = image;
    this.scriptPrefix = scriptPrefix;
    this.limit = limit;
    this.dependencies = List.copyOf(dependencies);
  }

  String image() {
    return image;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String displayName() {
    return "Stub " + name;
  }

  @Override
  public Probe readiness() {
    return Probe.get("/");
  }

  @Override
  public int containerPort() {
    return 8080;
  }

  @Override
  public String externalUrlSetting() {
    return "STUB_URL";
  }

  @Override
  public String version(GatewaySettings settings) {
    return "stub";
  }

  @Override
  public Map<String, Object> facts(GatewaySettings settings) {
    return Map.of("stub", true);
  }

  @Override
  public ProcessSpec process(ProcessRequest request) {
    throw new UnsupportedOperationException("containers only");
  }

  @Override
  public GenericContainer<?> container(ContainerRequest request) {
    String script = scriptPrefix + "exec " + RESPONDER;
    GenericContainer<?> container = new GenericContainer<>(request.image()).withEnv("PORT",
        Integer.toString(request.port())).withCommand("sh", "-c", script);
    request.attach(container, name, readiness());
    limit.ifPresent(container::withCreateContainerCmdModifier);
    return container;
  }

  @Override
  public List<String> containerDependencies() {
    return dependencies;
  }
}
