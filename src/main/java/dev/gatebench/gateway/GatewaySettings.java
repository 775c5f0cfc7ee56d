package dev.gatebench.gateway;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.config.UpstreamKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every gateway shares, read from {@link BenchConfig}; a kind's own settings are read
 * through {@link GatewayContext}. Defaults are the constants of this class. Immutable.
 *
 * @param upstream mock or the real Anthropic API
 * @param testModel the model every gateway serves, e.g. {@code claude-sonnet-4-5-20250929}
 * @param upstreamApiKey the Anthropic key gateways send upstream: a dummy against the mock; a secret
 * @param python the interpreter for Python gateways, a path or a name on PATH
 * @param cacheDir where installs are cached, e.g. {@code ~/.cache/gatebench}
 * @param logDir where each gateway's output goes, one file per row
 * @param readinessTimeout how long a gateway may take to become ready, &gt; 0; e.g. 180 s
 * @param config every setting, for the kinds' own through {@link GatewayContext}
 */
public record GatewaySettings(UpstreamKind upstream, String testModel, String upstreamApiKey, String python,
    Path cacheDir, Path logDir, Duration readinessTimeout, BenchConfig config) {

  /** LiteLLM's pinned version, as the image resolver reads it too; see {@link LiteLlm#VERSION}. */
  public static final String LITELLM_VERSION = LiteLlm.VERSION;
  public static final String PYTHON = "python3";
  public static final String LOG_DIR = "target/gatebench-logs";
  public static final String READINESS_TIMEOUT = "180s";
  /** What the mock accepts; never a real key. */
  public static final String DUMMY_API_KEY = "gatebench-mock-key";

  public GatewaySettings {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(testModel, "testModel");
    Objects.requireNonNull(upstreamApiKey, "upstreamApiKey");
    Objects.requireNonNull(config, "config");
    if (readinessTimeout.isNegative() || readinessTimeout.isZero()) {
      throw new BenchConfigException("gatebench.readinessTimeout must be > 0 but was " + readinessTimeout
          + "; e.g. -Dgatebench.readinessTimeout=180s");
    }
  }

  /** Reads every shared setting; upstream=anthropic without ANTHROPIC_API_KEY is a {@link BenchConfigException}. */
  public static GatewaySettings from(BenchConfig config) {
    UpstreamKind upstream = config.upstream();
    return new GatewaySettings(upstream, config.testModel(), upstreamKey(config, upstream),
        config.get("gatebench.python").orElse(PYTHON), cacheDir(config),
        Path.of(config.get("gatebench.logDir").orElse(LOG_DIR)),
        config.duration("gatebench.readinessTimeout", READINESS_TIMEOUT), config);
  }

  /** The context of one row of this run. */
  public GatewayContext context(GatewayRow row) {
    return new GatewayContext(this, row);
  }

  /** The context of {@code kind}'s plain row. */
  public GatewayContext context(GatewayKind kind) {
    return GatewayContext.of(this, kind);
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
}
