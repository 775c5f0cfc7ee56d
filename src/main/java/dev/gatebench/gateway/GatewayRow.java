package dev.gatebench.gateway;

import dev.gatebench.config.BenchConfigException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of a run: a gateway kind, possibly with settings of its own for this row only, written
 * {@code litellm[workers=4]} in {@code gatebench.gateways} (several as {@code litellm[workers=4,version=1.2.3]}).
 * Immutable.
 *
 * @param kind what runs
 * @param params the row's own values by setting key, in the order given; e.g. {@code {workers=4}}
 */
public record GatewayRow(GatewayKind kind, Map<String, String> params) {
  public GatewayRow {
    Objects.requireNonNull(kind, "kind");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The kind's plain row. */
  public static GatewayRow of(GatewayKind kind) {
    return new GatewayRow(kind, Map.of());
  }

  /** The row id in results and reports, e.g. {@code litellm} or {@code litellm[workers=4]}. */
  public String name() {
    return kind.name() + (params.isEmpty() ? "" : "[" + joined() + "]");
  }

  /** E.g. {@code LiteLLM [workers=4]}. */
  public String displayName() {
    return kind.displayName() + (params.isEmpty() ? "" : " [" + joined() + "]");
  }

  /** The name as a file name, e.g. {@code litellm-workers-4}: letters, digits, dots, dashes and underscores only. */
  public String fileName() {
    return fileName(name());
  }

  /** {@code litellm[workers=4]} → {@code litellm-workers-4}; other names keep their safe characters. */
  public static String fileName(String rowName) {
    String dashed = rowName.replaceAll("[\\[\\]=,/\\s]+", "-").replaceAll("-+$", "");
    return dashed.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private String joined() {
    return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  /**
   * Reads one entry of {@code gatebench.gateways}, e.g. {@code litellm[workers=4]}, its parameters
   * checked against the kind's declared settings.
   *
   * @throws BenchConfigException naming the entry, the rule and the kind's settings
   */
  static GatewayRow parse(String entry, GatewayKind kind) {
    int open = entry.indexOf('[');
    if (open < 0) return of(kind);
    if (!entry.endsWith("]")) {
      throw new BenchConfigException("gatebench.gateways entry '" + entry + "' must end with ']'; e.g. -Dgatebench"
          + ".gateways=direct," + kind.name() + "[" + example(kind) + "]");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : entry.substring(open + 1, entry.length() - 1).split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new BenchConfigException("gatebench.gateways entry '" + entry + "' has '" + pair.strip() + "' where a "
            + "setting=value belongs; e.g. " + kind.name() + "[" + example(kind) + "]");
      }
      params.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    params.forEach((key, value) -> check(entry, kind, key, value));
    return new GatewayRow(kind, params);
  }

  private static void check(String entry, GatewayKind kind, String key, String value) {
    GatewaySetting setting = GatewayContext.declared(kind).stream().filter(s -> s.key().equals(key)).findFirst()
        .orElseThrow(() -> new BenchConfigException("gatebench.gateways entry '" + entry + "' names '" + key
            + "', which is no setting of " + kind.name() + "; its settings are " + keys(kind) + ", e.g. "
            + kind.name() + "[" + example(kind) + "]"));
    if (setting.secret()) {
      throw new BenchConfigException("gatebench.gateways entry '" + entry + "' sets the secret " + setting.name()
          + ", which would be shown in the row's name; set it as " + setting.name() + " in the environment instead");
    }
    try {
      setting.check().accept(setting.name(), value);
    } catch (BenchConfigException e) {
      throw new BenchConfigException("gatebench.gateways entry '" + entry + "': " + e.getMessage(), e);
    }
  }

  private static List<String> keys(GatewayKind kind) {
    return GatewayContext.declared(kind).stream().filter(s -> !s.secret()).map(GatewaySetting::key).toList();
  }

  private static String example(GatewayKind kind) {
    return GatewayContext.declared(kind).stream().filter(s -> !s.secret() && s.fallback().isPresent()).findFirst()
        .map(s -> s.key() + "=" + s.fallback().get()).orElse("port=8080");
  }
}
