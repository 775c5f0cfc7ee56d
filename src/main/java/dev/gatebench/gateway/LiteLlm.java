package dev.gatebench.gateway;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;

/**
 * The LiteLLM proxy (Python): installed from PyPI into a cached virtualenv for the processes stack,
 * its own image ({@code gatebench.image.litellm}) for the container stack.
 *
 * <p>Settings: {@code gatebench.litellm.version} ({@value #VERSION}, exact), {@code gatebench.litellm.workers}
 * (its {@code --num_workers}, 1..64, default 1), {@code LITELLM_MASTER_KEY} (a secret), {@code LITELLM_URL}.
 */
public final class LiteLlm extends BasicKind implements RunsAsProcess, RunsAsContainer, NeedsInstall, AuthHeaders,
    HasExternalUrl {
  /** Pinned; 1.82.7 and 1.82.8 were malicious releases, so never a range. */
  public static final String VERSION = "1.106.12";
  /** LiteLLM's router default, recorded with every result (not changed by gatebench). */
  public static final int NUM_RETRIES = 2;
  public static final String MASTER_KEY = "sk-gatebench-local";
  static final String CONTAINER_CONFIG = "/app/config.yaml";

  /** Readiness without auth and without a database; never {@code GET /health}, which calls every model. */
  public LiteLlm() {
    super("litellm", "LiteLLM", Probe.get("/health/readiness"), 4000);
  }

  @Override
  public List<GatewaySetting> settings() {
    return List.of(GatewaySetting.pinnedVersion(name(), VERSION),
        GatewaySetting.own(name(), "workers", "1", GatewaySetting.wholeNumber(1, 64, 4)),
        GatewaySetting.named("masterKey", "LITELLM_MASTER_KEY", Optional.of(MASTER_KEY), GatewaySetting.any()));
  }

  @Override
  public String externalUrlSetting() {
    return "LITELLM_URL";
  }

  /** Where the virtualenv of the row's version lives, e.g. {@code ~/.cache/gatebench/venvs/litellm-1.106.12}. */
  public static Path venv(GatewayContext context) {
    return context.cacheDir().resolve("venvs").resolve("litellm-" + context.setting("version"));
  }

  @Override
  public void install(GatewayContext context) throws GatewayUnavailableException {
    new LiteLlmVenv(context).ensure();
  }

  @Override
  public Map<String, String> authHeaders(GatewayContext context) {
    return Map.of("Authorization", "Bearer " + context.setting("masterKey"));
  }

  @Override
  public Map<String, Object> facts(GatewayContext context) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("workers", context.integer("workers"));
    facts.put("num_retries", NUM_RETRIES);
    facts.put("model", "anthropic/" + context.testModel());
    return facts;
  }

  @Override
  public ProcessSpec process(ProcessRequest request) {
    GatewayContext context = request.context();
    Path litellm = new LiteLlmVenv(context).installed();
    Path config = LiteLlmConfig.write(request.privateDir(), context, request.upstream());
    List<String> command = List.of(litellm.toString(), "--config", config.toString(), "--host", "127.0.0.1",
        "--port", Integer.toString(request.port()), "--num_workers", context.setting("workers"));
    Map<String, Object> facts = new LinkedHashMap<>(context.facts());
    facts.put("venv", venv(context).toString());
    return new ProcessSpec(command, environment(context), request.privateDir(), facts);
  }

  /** Its generated config at {@value #CONTAINER_CONFIG}; on the host network it binds 127.0.0.1 only. */
  @Override
  public GenericContainer<?> container(ContainerRequest request) {
    GatewayContext context = request.context();
    GenericContainer<?> container = new GenericContainer<>(request.image());
    container.withEnv(environment(context))
        .withCopyToContainer(Transferable.of(LiteLlmConfig.render(context, request.upstream()), 0600),
            CONTAINER_CONFIG)
        .withCommand("--config", CONTAINER_CONFIG, "--host", request.listenHost(), "--port",
            Integer.toString(request.port()), "--num_workers", context.setting("workers"));
    return request.attach(container);
  }

  /** The offline settings plus the keys, which reach LiteLLM only this way (its config names them). */
  static Map<String, String> environment(GatewayContext context) {
    Map<String, String> env = new LinkedHashMap<>(offlineEnvironment());
    env.putAll(LiteLlmConfig.secretEnvironment(context));
    return env;
  }

  /** Without these, start-up and first requests stall on network look-ups (cost map, beta headers). */
  static Map<String, String> offlineEnvironment() {
    return Map.of("LITELLM_OFFLINE_MODE", "true", "LITELLM_LOCAL_MODEL_COST_MAP", "True",
        "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS", "True", "LITELLM_LOG", "ERROR");
  }
}
