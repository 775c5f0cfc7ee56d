package dev.gatebench.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a gateway kind reads about one row of one run: the run's common settings (upstream, model,
 * folders, timeouts) and its own declared settings, a row's variant values winning over the
 * configured ones ({@code litellm[workers=4]} reads 4 for {@code setting("workers")} whatever
 * {@code gatebench.litellm.workers} says). Immutable and thread-safe.
 */
public final class GatewayContext {
  private final GatewaySettings shared;
  private final GatewayRow row;

  public GatewayContext(GatewaySettings shared, GatewayRow row) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.row = Objects.requireNonNull(row, "row");
  }

  /** The plain row of {@code kind}. */
  public static GatewayContext of(GatewaySettings shared, GatewayKind kind) {
    return new GatewayContext(shared, GatewayRow.of(kind));
  }

  /**
   * Every setting {@code kind} reads: its own, plus {@code port} and {@code memory} when a stack starts
   * it ({@code gatebench.<name>.port}, a free port when unset; {@code gatebench.<name>.memory}, the
   * original's 1 GiB when unset) and {@code url} when it can be found running
   * ({@link HasExternalUrl#externalUrlSetting()}).
   */
  public static List<GatewaySetting> declared(GatewayKind kind) {
    List<GatewaySetting> all = new ArrayList<>(kind.settings());
    if (kind instanceof RunsAsProcess || kind instanceof RunsAsContainer) {
      all.add(GatewaySetting.optional(kind.name(), "port", GatewaySetting.port(kind.usualPort())));
      all.add(GatewaySetting.optional(kind.name(), "memory", MemorySize.check()));
    }
    if (kind instanceof HasExternalUrl external) {
      all.add(GatewaySetting.named("url", external.externalUrlSetting(), Optional.empty(),
          GatewaySetting.url(kind.usualPort())));
    }
    return List.copyOf(all);
  }

  /**
   * The memory limit this row asked for, e.g. {@code litellm[workers=4,memory=2g]}; empty when it
   * keeps the stack's (1 GiB, or the compose file's) or is not started by a stack.
   */
  public OptionalLong memoryLimit() {
    if (!(row.kind() instanceof RunsAsProcess || row.kind() instanceof RunsAsContainer)) return OptionalLong.empty();
    return optional("memory").map(v -> OptionalLong.of(MemorySize.bytes(v))).orElse(OptionalLong.empty());
  }

  public GatewayKind kind() {
    return row.kind();
  }

  public GatewayRow row() {
    return row;
  }

  public GatewaySettings shared() {
    return shared;
  }

  public String testModel() {
    return shared.testModel();
  }

  /** The Anthropic key gateways send upstream: a dummy against the mock; a secret. */
  public String upstreamApiKey() {
    return shared.upstreamApiKey();
  }

  public Path cacheDir() {
    return shared.cacheDir();
  }

  public Path logDir() {
    return shared.logDir();
  }

  public Duration readinessTimeout() {
    return shared.readinessTimeout();
  }

  /** The interpreter for Python gateways, a path or a name on PATH. */
  public String python() {
    return shared.python();
  }

  /**
   * A declared setting's value for this row: the row's own, else the configured one, else its
   * default; empty when none applies. Checked by the setting's rule.
   *
   * @throws IllegalArgumentException when {@code key} is not declared by the kind (a programming error)
   * @throws dev.gatebench.config.BenchConfigException when the value breaks the setting's rule
   */
  public Optional<String> optional(String key) {
    GatewaySetting setting = declared(row.kind()).stream().filter(s -> s.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(row.kind().name() + " declares no setting '" + key
            + "'; declared: " + declared(row.kind()).stream().map(GatewaySetting::key).toList()));
    String own = row.params().get(key);
    if (own == null) return setting.read(shared.config());
    setting.check().accept(setting.name(), own);
    return Optional.of(own);
  }

  /** A declared setting with a default, e.g. {@code setting("workers")} → {@code "1"}. */
  public String setting(String key) {
    return optional(key).orElseThrow(() -> new IllegalArgumentException(row.kind().name() + "'s setting '" + key
        + "' has no default; read it with optional(\"" + key + "\")"));
  }

  /** A declared whole-number setting, e.g. {@code integer("workers")} → 4. */
  public int integer(String key) {
    return Integer.parseInt(setting(key).strip());
  }

  /** The port fixed by {@code gatebench.<name>.port} (or {@code [port=...]}); empty for a free one. */
  public Optional<Integer> fixedPort() {
    return optional("port").map(p -> Integer.parseInt(p.strip()));
  }

  /** Where an already running instance is, from its {@link HasExternalUrl} setting; empty when unset. */
  public Optional<URI> externalUrl() {
    return row.kind() instanceof HasExternalUrl ? optional("url").map(URI::create) : Optional.empty();
  }

  /** Every header a request to this row needs: its credentials and what names the upstream. Secrets. */
  public Map<String, String> requestHeaders(UpstreamEndpoint upstream) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (row.kind() instanceof AuthHeaders auth) headers.putAll(auth.authHeaders(this));
    if (row.kind() instanceof UpstreamHeaders named) headers.putAll(named.upstreamHeaders(this, upstream));
    return headers;
  }

  /**
   * Its version as far as known before asking it, e.g. {@code 1.106.12}: what {@link ReportsVersion}
   * says, else its pinned {@code version} setting, else {@code unknown}.
   */
  public String version() {
    if (row.kind() instanceof ReportsVersion reports) return reports.version(this);
    boolean pinned = declared(row.kind()).stream().anyMatch(s -> s.key().equals("version"));
    return pinned ? setting("version") : "unknown";
  }

  /** The kind's facts, plus this row's own values when it is a variant. */
  public Map<String, Object> facts() {
    Map<String, Object> facts = new LinkedHashMap<>(row.kind().facts(this));
    if (!row.params().isEmpty()) facts.put("variant", row.params());
    return facts;
  }

  @Override
  public String toString() {
    return row.name();
  }
}
