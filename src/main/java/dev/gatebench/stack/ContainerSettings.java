package dev.gatebench.stack;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the containers stack runs, from {@code gatebench.containers.*}, {@code gatebench.monitoring}
 * and {@code gatebench.image.<name>}. Immutable.
 *
 * @param hostNetwork {@code gatebench.containers.network=host} (the default): every container shares the
 *     host's network, listens on a free loopback port and reaches the mock on 127.0.0.1, so no gateway pays
 *     a NAT hop that the Direct row does not; {@code bridge} (for Docker Desktop, where the host network is
 *     the VM's) puts each gateway behind Docker's port mapping, which adds a hop to every gateway row
 * @param monitoring {@code gatebench.monitoring=true} starts Prometheus, cAdvisor and InfluxDB too
 * @param required {@code gatebench.containers.required} (true): with {@code gatebench.stack=containers}
 *     and no engine the run fails; false skips every row with the reason instead (the CI smoke)
 * @param images {@code gatebench.image.<name>} overrides by name, e.g. {@code litellm → my/litellm:1}
 * @param services {@code gatebench.containers.services}: the compose file's data services started with every
 *     run whatever its rows, as {@code docker compose up} starts them (default {@code postgres,redis});
 *     {@code none} starts only what a gateway row needs (InferXgate's PostgreSQL and Redis)
 */
record ContainerSettings(boolean hostNetwork, boolean monitoring, boolean required, Map<String, String> images,
    List<String> services) {
  static final String NETWORK = "gatebench.containers.network";
  static final String REQUIRED = "gatebench.containers.required";
  static final String MONITORING = "gatebench.monitoring";
  static final String IMAGE_PREFIX = "gatebench.image.";
  static final String SERVICES = "gatebench.containers.services";
  static final List<String> DATA_SERVICES = List.of("postgres", "redis");
  static final List<String> IMAGE_NAMES =
      List.of("inferxgate", "litellm", "postgres", "redis", "prometheus", "cadvisor", "influxdb");

  ContainerSettings {
    images = Map.copyOf(images);
    services = List.copyOf(services);
  }

  static ContainerSettings from(BenchConfig config) {
    String network = config.get(NETWORK).orElse("host").toLowerCase(Locale.ROOT);
    if (!network.equals("host") && !network.equals("bridge")) {
      throw new BenchConfigException(NETWORK + " must be host or bridge but was '" + network + "'; host keeps "
          + "every gateway on 127.0.0.1 like the Direct row, bridge is for Docker Desktop");
    }
    Map<String, String> images = new TreeMap<>();
    for (String name : IMAGE_NAMES) config.get(IMAGE_PREFIX + name).ifPresent(image -> images.put(name, image));
    return new ContainerSettings(network.equals("host"), flag(config, MONITORING, false),
        flag(config, REQUIRED, true), images, services(config.get(SERVICES).orElse(String.join(",", DATA_SERVICES))));
  }

  /** {@code postgres,redis}, a subset, or {@code none}; in the compose file's order. */
  static List<String> services(String raw) {
    List<String> named = Arrays.stream(raw.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty()).distinct().toList();
    if (named.equals(List.of("none"))) return List.of();
    List<String> unknown = named.stream().filter(s -> !DATA_SERVICES.contains(s)).toList();
    if (named.isEmpty() || !unknown.isEmpty()) {
      throw new BenchConfigException(SERVICES + " must list services of " + DATA_SERVICES + " or be none but was '"
          + raw + "'; e.g. -D" + SERVICES + "=postgres,redis (the default: the original stack's), or none to start "
          + "only what a gateway needs");
    }
    return DATA_SERVICES.stream().filter(named::contains).toList();
  }

  Optional<String> image(String name) {
    return Optional.ofNullable(images.get(name));
  }

  private static boolean flag(BenchConfig config, String name, boolean fallback) {
    String raw = config.get(name).orElse(Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
    if (!raw.equals("true") && !raw.equals("false")) {
      throw new BenchConfigException(name + " must be true or false but was '" + raw + "'; e.g. -D" + name + "="
          + fallback);
    }
    return Boolean.parseBoolean(raw);
  }
}
