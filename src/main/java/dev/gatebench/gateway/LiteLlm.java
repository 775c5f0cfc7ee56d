package dev.gatebench.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The LiteLLM proxy (Python): installed from PyPI into a cached virtualenv for the processes stack,
 * {@code ghcr.io/berriai/litellm:main-stable} for the container stack.
 */
public final class LiteLlm implements GatewayKind {
  public static final DockerImageName IMAGE = DockerImageName.parse("ghcr.io/berriai/litellm:main-stable");
  static final String CONTAINER_CONFIG = "/app/config.yaml";

  @Override
  public String name() {
    return "litellm";
  }

  @Override
  public String displayName() {
    return "LiteLLM";
  }

  /** Readiness without auth and without a database; never {@code GET /health}, which calls every model. */
  @Override
  public Probe readiness() {
    return Probe.get("/health/readiness");
  }

  @Override
  public int containerPort() {
    return 4000;
  }

  @Override
  public String externalUrlSetting() {
    return "LITELLM_URL";
  }

  @Override
  public Optional<URI> externalUrl(GatewaySettings settings) {
    return settings.litellmUrl();
  }

  @Override
  public Map<String, String> authHeaders(GatewaySettings settings) {
    return Map.of("Authorization", "Bearer " + settings.litellmMasterKey());
  }

  @Override
  public String version(GatewaySettings settings) {
    return settings.litellmVersion();
  }

  @Override
  public Map<String, Object> facts(GatewaySettings settings) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("workers", settings.litellmWorkers());
    facts.put("num_retries", GatewaySettings.LITELLM_NUM_RETRIES);
    facts.put("model", "anthropic/" + settings.testModel());
    return facts;
  }

  @Override
  public ProcessSpec process(ProcessRequest request) throws GatewayUnavailableException {
    GatewaySettings settings = request.settings();
    Path litellm = new LiteLlmVenv(settings).ensure();
    Path config = LiteLlmConfig.write(request.privateDir(), settings, request.upstream());
    List<String> command = List.of(litellm.toString(), "--config", config.toString(), "--host", "127.0.0.1",
        "--port", Integer.toString(request.port()), "--num_workers", Integer.toString(settings.litellmWorkers()));
    Map<String, Object> facts = new LinkedHashMap<>(facts(settings));
    facts.put("venv", settings.litellmVenv().toString());
    return new ProcessSpec(command, environment(settings), request.privateDir(), facts);
  }

  /** Its generated config at {@value #CONTAINER_CONFIG}; on the host network it binds 127.0.0.1 only. */
  @Override
  public GenericContainer<?> container(ContainerRequest request) {
    GatewaySettings settings = request.settings();
    GenericContainer<?> container = new GenericContainer<>(request.image());
    container.withEnv(environment(settings))
        .withCopyToContainer(Transferable.of(LiteLlmConfig.render(settings, request.upstream()), 0600),
            CONTAINER_CONFIG)
        .withCommand("--config", CONTAINER_CONFIG, "--host", request.listenHost(), "--port",
            Integer.toString(request.port()), "--num_workers", Integer.toString(settings.litellmWorkers()));
    return request.attach(container, name(), readiness());
  }

  /** The offline settings plus the keys, which reach LiteLLM only this way (its config names them). */
  static Map<String, String> environment(GatewaySettings settings) {
    Map<String, String> env = new LinkedHashMap<>(offlineEnvironment());
    env.putAll(LiteLlmConfig.secretEnvironment(settings));
    return env;
  }

  /** Without these, start-up and first requests stall on network look-ups (cost map, beta headers). */
  static Map<String, String> offlineEnvironment() {
    return Map.of("LITELLM_OFFLINE_MODE", "true", "LITELLM_LOCAL_MODEL_COST_MAP", "True",
        "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS", "True", "LITELLM_LOG", "ERROR");
  }
}
