package dev.gatebench.stack.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The images of the container stack, as in {@code compose/docker-compose.benchmark.yml}. Each one is
 * the setting {@code gatebench.image.<key>} (e.g. {@code -Dgatebench.image.redis=redis:7.2}) whose
 * default is the official image a machine with a registry pulls; where it cannot be pulled,
 * {@link ImageResolver} builds the equivalent from {@code compose/images/<folder>}.
 */
public enum StackImage {
  LITELLM("litellm", "ghcr.io/berriai/litellm:main-v%s", "litellm", "%s"),
  POSTGRES("postgres", "postgres:18-alpine", "postgres", "15"),
  REDIS("redis", "redis:7-alpine", "redis", "7.0"),
  PROMETHEUS("prometheus", "prom/prometheus:v2.47.0", "prometheus", "2.42"),
  CADVISOR("cadvisor", "gcr.io/cadvisor/cadvisor:v0.47.0", null, null),
  INFLUXDB("influxdb", "influxdb:1.8", "influxdb", "1.6"),
  INFERXGATE("inferxgate", "inferxgate/backend:latest", "inferxgate-local", "local");

  /** Why cAdvisor has no local equivalent (checked with {@code apt-cache policy cadvisor}). */
  static final String NO_CADVISOR_PACKAGE = "Debian bookworm has no cadvisor package to build it from";

  private final String key;
  private final String officialTemplate;
  private final String folder;
  private final String localVersionTemplate;

  StackImage(String key, String officialTemplate, String folder, String localVersionTemplate) {
    this.key = key;
    this.officialTemplate = officialTemplate;
    this.folder = folder;
    this.localVersionTemplate = localVersionTemplate;
  }

  /** The short name, e.g. {@code litellm}: the last part of its setting's name. */
  public String key() {
    return key;
  }

  /** {@code gatebench.image.<key>}, e.g. {@code gatebench.image.litellm}. */
  public String setting() {
    return "gatebench.image." + key;
  }

  /** The official image: LiteLLM's follows {@code litellmVersion}, e.g. {@code ghcr.io/berriai/litellm:main-v1.106.12}. */
  public String officialReference(String litellmVersion) {
    return officialTemplate.formatted(litellmVersion);
  }

  /** The folder under {@code compose/images/} that builds the equivalent; empty when none can. */
  public Optional<String> folder() {
    return Optional.ofNullable(folder);
  }

  /** The version part of the equivalent's tag (what it runs), e.g. {@code 7.0}, or LiteLLM's version. */
  String localVersion(String litellmVersion) {
    return localVersionTemplate == null ? "" : localVersionTemplate.formatted(litellmVersion);
  }

  /** The image by its key, case-insensitive; an unknown key names the known ones. */
  public static StackImage byKey(String key) {
    String wanted = key.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(image -> image.key.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no stack image '" + key + "'; known: "
            + Arrays.stream(values()).map(StackImage::key).toList()));
  }
}
