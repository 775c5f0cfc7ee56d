package dev.gatebench.gateway;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.config.UpstreamKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings that say how gateways start, read from {@link BenchConfig}. Defaults are the
 * constants of this class. Immutable.
 *
 * @param upstream mock or the real Anthropic API
 * @param testModel the model every gateway serves, e.g. {@code claude-sonnet-4-5-20250929}
 * @param litellmMasterKey LiteLLM's {@code general_settings.master_key}; a secret
 * @param upstreamApiKey the Anthropic key gateways send upstream: a dummy against the mock; a secret
 * @param litellmVersion pinned PyPI version of {@code litellm[proxy]}, e.g. {@code 1.106.12}
 * @param litellmWorkers LiteLLM's {@code --num_workers}, 1..64
 * @param fixedPorts ports fixed by {@code gatebench.<gateway>.port}, by gateway name; the others
 *     get a free port
 * @param python the interpreter that creates LiteLLM's virtualenv, a path or a name on PATH
 * @param cacheDir where virtualenvs are cached, e.g. {@code ~/.cache/gatebench}
 * @param inferxgateBin InferXgate's binary for the processes stack
 * @param inferxgateUrl a running InferXgate for the external stack
 * @param litellmUrl a running LiteLLM for the external stack
 * @param logDir where each gateway's output goes, one file per gateway
 * @param readinessTimeout how long a gateway may take to become ready, &gt; 0; e.g. 180 s
 * @param config every setting, for a gateway's own {@code gatebench.<gateway>.*}; see {@link #setting}
 */
public record GatewaySettings(UpstreamKind upstream, String testModel, String litellmMasterKey,
    String upstreamApiKey, String litellmVersion, int litellmWorkers, Map<String, Integer> fixedPorts,
    String python, Path cacheDir, Optional<Path> inferxgateBin,
    Optional<URI> inferxgateUrl, Optional<URI> litellmUrl, Path logDir, Duration readinessTimeout,
    BenchConfig config) {

  /** Pinned LiteLLM; 1.82.7 and 1.82.8 were malicious releases, so never a range. */
  public static final String LITELLM_VERSION = "1.106.12";
  public static final int LITELLM_WORKERS = 1;
  /** LiteLLM's router default, recorded with every result (not changed by gatebench). */
  public static final int LITELLM_NUM_RETRIES = 2;
  public static final String PYTHON = "python3";
  public static final String LOG_DIR = "target/gatebench-logs";
  public static final String READINESS_TIMEOUT = "180s";
  /** What the mock accepts; never a real key. */
  public static final String DUMMY_API_KEY = "gatebench-mock-key";

  public GatewaySettings {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(testModel, "testModel");
    Objects.requireNonNull(litellmMasterKey, "litellmMasterKey");
    Objects.requireNonNull(upstreamApiKey, "upstreamApiKey");
    Objects.requireNonNull(litellmVersion, "litellmVersion");
    Objects.requireNonNull(config, "config");
    fixedPorts = Map.copyOf(fixedPorts);
    if (litellmWorkers < 1 || litellmWorkers > 64) {
      throw new BenchConfigException("gatebench.litellm.workers must be in 1..64 but was " + litellmWorkers
          + "; e.g. -Dgatebench.litellm.workers=4");
    }
    if (readinessTimeout.isNegative() || readinessTimeout.isZero()) {
      throw new BenchConfigException("gatebench.readinessTimeout must be > 0 but was " + readinessTimeout
          + "; e.g. -Dgatebench.readinessTimeout=180s");
    }
  }

  /** Reads every setting; upstream=anthropic without ANTHROPIC_API_KEY is a {@link BenchConfigException}. */
  public static GatewaySettings from(BenchConfig config) {
    UpstreamKind upstream = config.upstream();
    return new GatewaySettings(upstream, config.testModel(), config.litellmMasterKey(),
        upstreamKey(config, upstream), config.get("gatebench.litellm.version").orElse(LITELLM_VERSION),
        integer(config, "gatebench.litellm.workers").orElse(LITELLM_WORKERS),
        fixedPorts(config),
        config.get("gatebench.python").orElse(PYTHON), cacheDir(config),
        config.get("INFERXGATE_BIN").map(Path::of), url(config, "INFERXGATE_URL"), url(config, "LITELLM_URL"),
        Path.of(config.get("gatebench.logDir").orElse(LOG_DIR)),
        config.duration("gatebench.readinessTimeout", READINESS_TIMEOUT), config);
  }

  /**
   * A gateway's own setting by canonical name, e.g. {@code gatebench.portkey.version}, looked up as
   * every setting is (system property, environment, {@code .env.benchmark}); empty when unset.
   */
  public Optional<String> setting(String name) {
    return config.get(name);
  }

  /** Where LiteLLM's virtualenv for {@link #litellmVersion} lives. */
  public Path litellmVenv() {
    return cacheDir.resolve("venvs").resolve("litellm-" + litellmVersion);
  }

  /** The port {@code gatebench.<gateway>.port} fixes for {@code gateway}, e.g. 4000; empty for a free one. */
  public Optional<Integer> fixedPort(String gateway) {
    return Optional.ofNullable(fixedPorts.get(gateway));
  }

  private static Map<String, Integer> fixedPorts(BenchConfig config) {
    Map<String, Integer> ports = new HashMap<>();
    for (String gateway : GatewayKinds.names()) {
      integer(config, "gatebench." + gateway + ".port").ifPresent(port -> ports.put(gateway, port));
    }
    return ports;
  }

  private static String upstreamKey(BenchConfig config, UpstreamKind upstream) {
    if (upstream == UpstreamKind.MOCK) return DUMMY_API_KEY;
    return config.anthropicApiKey().orElseThrow(() -> new BenchConfigException(
        "gatebench.upstream=anthropic needs ANTHROPIC_API_KEY but it is unset; export ANTHROPIC_API_KEY=sk-ant-... "
            + "(or put it in .env.benchmark.local), or use -Dgatebench.upstream=mock for the offline mock"));
  }

  private static Path cacheDir(BenchConfig config) {
    return config.get("gatebench.cacheDir").map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "gatebench"));
  }

  private static Optional<Integer> integer(BenchConfig config, String name) {
    return config.get(name).map(raw -> {
      try {
        return Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        throw new BenchConfigException(name + " must be a whole number but was '" + raw + "'; e.g. -D" + name
            + "=4", e);
      }
    });
  }

  private static Optional<URI> url(BenchConfig config, String name) {
    return config.get(name).map(raw -> {
      URI uri = URI.create(raw);
      if (uri.getHost() == null) {
        throw new BenchConfigException(name + " must be an absolute URL like http://localhost:4000 but was '"
            + raw + "'");
      }
      return uri;
    });
  }
}
