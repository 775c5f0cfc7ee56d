package dev.gatebench.session;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.config.Defaults;
import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.GatewayKinds;
import dev.gatebench.gateway.GatewaySetting;
import dev.gatebench.gateway.GatewaySettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Every setting gatebench reads, each with the strict reading that {@link Preflight} tries before a run. */
final class Settings {
  /** A setting and how to read it, throwing {@link BenchConfigException} for a value gatebench cannot use. */
  record Setting(String name, Consumer<BenchConfig> read) {}

  static final List<Setting> KNOWN = List.of(
      new Setting("gatebench.envFile", Settings::envFile),
      new Setting("gatebench.timeScale", BenchConfig::timeScale),
      new Setting("gatebench.stack", BenchConfig::stack),
      new Setting("gatebench.upstream", BenchConfig::upstream),
      new Setting("gatebench.checks", BenchConfig::checks),
      new Setting("gatebench.gateways", c -> GatewayKinds.select(c.gateways())),
      new Setting("gatebench.mock.ttft", BenchConfig::mockTtft),
      new Setting("gatebench.mock.itl", BenchConfig::mockItl),
      new Setting("TEST_MAX_TOKENS", BenchConfig::maxTokens),
      new Setting("TEST_TEMPERATURE", BenchConfig::temperature),
      new Setting("gatebench.stream", c -> c.flag("gatebench.stream", false)),
      new Setting("gatebench.updateBaseline", c -> c.flag("gatebench.updateBaseline", false)),
      new Setting("gatebench.monitoring", c -> c.flag("gatebench.monitoring", false)),
      new Setting("gatebench.readinessTimeout", c -> positive(c, "gatebench.readinessTimeout",
          GatewaySettings.READINESS_TIMEOUT)),
      new Setting("gatebench.checkTimeout", c -> positive(c, "gatebench.checkTimeout", Defaults.CHECK_TIMEOUT)));

  /** Read elsewhere (by the gateways, the gate, the pom) or free-form: known, so a misspelling of them is caught. */
  private static final List<String> OTHERS = List.of("gatebench.resultsDir", "gatebench.reportDir", "gatebench.baseline",
      "gatebench.logDir", "gatebench.cacheDir", "gatebench.python", "gatebench.groups",
      "gatebench.gate.alpha", "gatebench.gate.minEffectMs", "gatebench.gate.minEffectPct",
      "gatebench.gate.alternative", "gatebench.gate.resamples", "gatebench.gate.seed");

  private Settings() {}

  /** The run's settings, then every gateway kind's own ({@link GatewayContext#declared}), each with its check. */
  static List<Setting> known() {
    return Stream.concat(KNOWN.stream(), gatewaySettings().stream()
        .map(g -> new Setting(g.name(), c -> g.read(c)))).toList();
  }

  static List<String> names() {
    return Stream.of(KNOWN.stream().map(Setting::name), OTHERS.stream(),
        gatewaySettings().stream().map(GatewaySetting::name)).flatMap(s -> s).toList();
  }

  private static List<GatewaySetting> gatewaySettings() {
    return GatewayKinds.all().stream().flatMap(k -> GatewayContext.declared(k).stream()).toList();
  }

  /**
   * Names set by the user that are no setting but look like one ({@code gatebench.timescale},
   * {@code GATEBENCH_TIMESCALE}): such a value would be ignored without a word, e.g. a smoke run
   * silently running at full length.
   */
  static List<Preflight.Problem> misspelled(Set<String> seen) {
    List<Preflight.Problem> problems = new ArrayList<>();
    for (String name : seen) {
      if (!name.startsWith("gatebench.") && !name.startsWith("GATEBENCH_")) continue;
      if (names().stream().anyMatch(k -> k.equals(name) || BenchConfig.envName(k).equals(name))) continue;
      meant(name).ifPresent(k -> problems.add(new Preflight.Problem(name, name + " is not a gatebench setting, "
          + "so it would be ignored; did you mean " + (name.startsWith("GATEBENCH_") ? BenchConfig.envName(k) : k)
          + "?", null)));
    }
    return problems;
  }

  private static Optional<String> meant(String name) {
    String wanted = normal(name);
    return names().stream().filter(k -> normal(k).equals(wanted)).findFirst();
  }

  private static String normal(String name) {
    return name.replace(".", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** An absolute http(s) URL, e.g. {@code http://localhost:4000}. */
  static URI url(String setting, String raw) {
    try {
      URI uri = new URI(raw);
      if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) return uri;
    } catch (URISyntaxException e) {
      // reported below with the expected shape
    }
    throw new BenchConfigException(setting + " must be an absolute URL like http://localhost:4000 but was '"
        + raw + "'; e.g. " + setting + "=http://localhost:4000");
  }

  private static void positive(BenchConfig config, String name, String fallback) {
    if (config.duration(name, fallback).isZero()) {
      throw new BenchConfigException(name + " must be longer than 0 but was '" + config.get(name).orElse(fallback)
          + "'; e.g. -D" + name + "=" + fallback);
    }
  }

  /** An envFile named explicitly must be there: a missing default file is fine, a mistyped path is not. */
  private static void envFile(BenchConfig config) {
    config.get("gatebench.envFile").map(Path::of).filter(p -> !Files.isRegularFile(p) || !Files.isReadable(p))
        .ifPresent(p -> {
          throw new BenchConfigException("gatebench.envFile=" + p + " is not a readable file ("
              + (Files.isDirectory(p) ? "it is a folder" : Files.exists(p) ? "no permission" : "it does not exist")
              + "); point -Dgatebench.envFile at a dotenv file such as " + Defaults.ENV_FILE + ", or unset it");
        });
  }
}
