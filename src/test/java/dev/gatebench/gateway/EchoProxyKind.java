package dev.gatebench.gateway;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A gateway that lives only in test sources, found as a user's would be: listed in
 * {@code src/test/resources/META-INF/services/dev.gatebench.gateway.GatewayKind}, nothing in
 * gatebench names it. It runs {@link EchoProxyMain}, a plain forwarding proxy, as a JVM process.
 *
 * <p>Settings: {@code gatebench.echo.threads} (its handler threads, 1..16, default 2).
 */
public final class EchoProxyKind extends BasicKind implements RunsAsProcess, ReportsVersion {
  public EchoProxyKind() {
    super("echo", "Echo proxy", Probe.get(EchoProxyMain.READY_PATH), 8090);
  }

  /** A test double: the benchmark suites' rows stay the real gateways unless it is named. */
  @Override
  public boolean selectedByDefault() {
    return false;
  }

  @Override
  public List<GatewaySetting> settings() {
    return List.of(GatewaySetting.own(name(), "threads", "2", GatewaySetting.wholeNumber(1, 16, 2)));
  }

  @Override
  public String version(GatewayContext context) {
    return "test";
  }

  @Override
  public Map<String, Object> facts(GatewayContext context) {
    return Map.of("threads", context.integer("threads"), "source", "test sources");
  }

  @Override
  public ProcessSpec process(ProcessRequest request) {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
        "java").toString());
    List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
        EchoProxyMain.class.getName(), Integer.toString(request.port()), request.upstream().baseWithoutSlash(),
        request.context().setting("threads"));
    return new ProcessSpec(command, Map.of(), request.privateDir(), request.context().facts());
  }
}
