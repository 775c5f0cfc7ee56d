package dev.gatebench.gateway;

import dev.gatebench.config.BenchConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.MountableFile;

/**
 * InferXgate (Rust): its binary from {@code INFERXGATE_BIN} for the processes stack;
 * {@code inferxgate/backend:latest} for the container stack, or a local image around that binary. Its Anthropic URL is hard-coded, so
 * against the mock its traffic goes through the mock's CONNECT proxy, trusted via the mock's CA.
 */
public final class InferXgate extends BasicKind implements RunsAsProcess, RunsAsContainer, HasMetrics,
    HasExternalUrl {
  static final String CONTAINER_CA = "/etc/gatebench/mock-ca.pem";

  /** {@code POST}: a {@code GET /health} answers 405, which is why the original's health check never passed. */
  public InferXgate() {
    super("inferxgate", "InferXgate", Probe.post("/health"), 3000);
  }

  /** {@code INFERXGATE_BIN}: checked before every run, as the processes stack runs it and the containers stack wraps it. */
  @Override
  public List<GatewaySetting> settings() {
    return List.of(GatewaySetting.named("bin", "INFERXGATE_BIN", Optional.empty(), InferXgate::executableFile));
  }

  static void executableFile(String name, String value) {
    Path binary = Path.of(value);
    if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw new BenchConfigException(name + "=" + value + " is not an executable file (" + (Files.isDirectory(binary)
          ? "it is a folder" : Files.exists(binary) ? "not executable" : "it does not exist") + "); point it at a "
          + "built InferXgate binary (see InferXgate's own build instructions), or unset it");
    }
  }

  @Override
  public String externalUrlSetting() {
    return "INFERXGATE_URL";
  }

  @Override
  public String metricsPath() {
    return "/metrics";
  }

  @Override
  public Map<String, Object> facts(GatewayContext context) {
    return Map.of("caching", false, "auth", false, "retries", "none seen in its Anthropic provider");
  }

  @Override
  public ProcessSpec process(ProcessRequest request) throws GatewayUnavailableException {
    Path binary = request.context().optional("bin").map(Path::of).orElseThrow(() -> new GatewayUnavailableException(
        "inferxgate skipped: the processes stack runs InferXgate from INFERXGATE_BIN, which is unset; set "
            + "INFERXGATE_BIN=/path/to/inferxgate, or run it in a container (-Dgatebench.stack=containers) from "
            + "inferxgate/backend:latest or from the image gatebench wraps around INFERXGATE_BIN"));
    Map<String, String> env = environment(request.context(), "127.0.0.1", request.port());
    request.upstream().httpsProxy().ifPresent(proxy -> env.putAll(proxyEnvironment(proxy.toString(),
        request.upstream().caCertificatePem().orElseThrow().toString(), "127.0.0.1,localhost")));
    Map<String, Object> facts = new LinkedHashMap<>(request.context().facts());
    facts.put("binary", binary.toString());
    // its working directory is private and empty: it loads a .env from there (dotenv) otherwise
    return new ProcessSpec(List.of(binary.toString()), env, request.privateDir(), facts);
  }

  /** Its optional database and cache, as in the original stack. */
  @Override
  public List<String> containerDependencies() {
    return List.of("postgres", "redis");
  }

  /** As the compose file wires it: PostgreSQL, Redis, caching off; the mock through its CONNECT proxy. */
  @Override
  public GenericContainer<?> container(ContainerRequest request) {
    Map<String, String> env = environment(request.context(), request.listenHost(), request.port());
    env.put("DATABASE_URL", "postgres://inferxgate:inferxgate@" + request.service("postgres") + "/inferxgate");
    env.put("REDIS_URL", "redis://" + request.service("redis"));
    GenericContainer<?> container = new GenericContainer<>(request.image());
    String noProxy = request.hostNetwork() ? "localhost,127.0.0.1" : "postgres,redis,localhost,127.0.0.1";
    request.upstream().httpsProxy().ifPresent(proxy -> {
      env.putAll(proxyEnvironment(proxy.toString(), CONTAINER_CA, noProxy));
      container.withCopyFileToContainer(
          MountableFile.forHostPath(request.upstream().caCertificatePem().orElseThrow(), 0644), CONTAINER_CA);
    });
    return request.attach(container.withEnv(env));
  }

  private static Map<String, String> environment(GatewayContext context, String host, int port) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOST", host);
    env.put("PORT", Integer.toString(port));
    env.put("LOG_LEVEL", "warn");
    env.put("REQUIRE_AUTH", "false");
    env.put("ENABLE_CACHING", "false");
    // it registers its Anthropic models only when it has a key: a dummy one against the mock
    env.put("ANTHROPIC_API_KEY", context.upstreamApiKey());
    return env;
  }

  /** reqwest honours both spellings of the proxy variables; native TLS trusts SSL_CERT_FILE. */
  private static Map<String, String> proxyEnvironment(String proxy, String caFile, String noProxy) {
    return Map.of("HTTPS_PROXY", proxy, "https_proxy", proxy, "SSL_CERT_FILE", caFile,
        "NO_PROXY", noProxy, "no_proxy", noProxy);
  }
}
