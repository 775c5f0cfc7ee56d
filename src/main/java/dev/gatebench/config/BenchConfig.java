package dev.gatebench.config;

import dev.gatebench.units.DurationFormatException;
import dev.gatebench.units.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * gatebench's settings, each looked up as: system property &gt; environment &gt;
 * {@code .env.benchmark.local} &gt; {@code .env.benchmark} &gt; default (the defaults live in
 * {@link Defaults}).
 *
 * <p>A setting has one canonical name. The original suite's variables keep theirs
 * ({@code TEST_MODEL}); gatebench's own are {@code gatebench.camelCase} as system properties and
 * {@code GATEBENCH_UPPER_SNAKE} in the environment and the file ({@code gatebench.timeScale} ↔
 * {@code GATEBENCH_TIME_SCALE}). Immutable and thread-safe.
 */
public final class BenchConfig {
  private static final Pattern SECRET = Pattern.compile("(?i)(.*_?KEY|.*SECRET.*|.*PASSWORD.*|.*_?TOKEN)");

  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;
  private final Map<String, String> envFile;

  BenchConfig(Map<String, String> systemProperties, Map<String, String> environment,
      Map<String, String> envFile) {
    this.systemProperties = Map.copyOf(systemProperties);
    this.environment = Map.copyOf(environment);
    this.envFile = Map.copyOf(envFile);
  }

  /**
   * The configuration of this JVM: its system properties, environment, {@code .env.benchmark.local}
   * and {@code .env.benchmark} (another pair with {@code gatebench.envFile}).
   */
  public static BenchConfig load() {
    Map<String, String> props = new LinkedHashMap<>();
    System.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
    return load(props, System.getenv());
  }

  /** As {@link #load()}, from explicit system properties and environment; the files are read from disk. */
  static BenchConfig load(Map<String, String> systemProperties, Map<String, String> environment) {
    String file = systemProperties.getOrDefault("gatebench.envFile",
        environment.getOrDefault("GATEBENCH_ENV_FILE", Defaults.ENV_FILE));
    return new BenchConfig(systemProperties, environment, EnvFile.readWithLocal(Path.of(file)));
  }

  /** A configuration from explicit maps, for tests and embedding. */
  public static BenchConfig of(Map<String, String> systemProperties, Map<String, String> environment,
      Map<String, String> envFile) {
    return new BenchConfig(systemProperties, environment, envFile);
  }

  /** Returns a copy in which {@code overrides} win over everything (as system properties do). */
  public BenchConfig with(Map<String, String> overrides) {
    Map<String, String> props = new LinkedHashMap<>(systemProperties);
    props.putAll(overrides);
    return new BenchConfig(props, environment, envFile);
  }

  /** The raw value of a setting by canonical name, or empty when unset or blank. */
  public Optional<String> get(String name) {
    String envName = envName(name);
    for (String candidate : new String[] {
        systemProperties.get(name), environment.get(envName), envFile.get(envName)}) {
      if (candidate != null && !candidate.isBlank()) return Optional.of(candidate.strip());
    }
    return Optional.empty();
  }

  /** {@code gatebench.timeScale} → {@code GATEBENCH_TIME_SCALE}; other names are their own env name. */
  public static String envName(String name) {
    if (!name.startsWith("gatebench.")) return name;
    String rest = name.substring("gatebench.".length()).replace('.', '_');
    return "GATEBENCH_" + rest.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  public double timeScale() {
    String raw = get("gatebench.timeScale").orElse(Defaults.TIME_SCALE);
    double scale = parse("gatebench.timeScale", raw, Double::parseDouble,
        "e.g. -Dgatebench.timeScale=0.05 for a smoke run");
    if (!(scale > 0 && scale <= 1)) {
      throw new BenchConfigException("gatebench.timeScale must be in (0, 1] but was '" + raw
          + "'; e.g. -Dgatebench.timeScale=0.05 for a smoke run");
    }
    return scale;
  }

  public StackKind stack() {
    return choice("gatebench.stack", StackKind.class, Defaults.STACK);
  }

  public UpstreamKind upstream() {
    return choice("gatebench.upstream", UpstreamKind.class, Defaults.UPSTREAM);
  }

  /**
   * {@code gatebench.checks}: {@code enforce} (the default) or {@code report}, in any case. Anything else
   * is refused rather than read as one of them, so a typo cannot silently fail or pass a row.
   */
  public CheckMode checks() {
    String raw = get("gatebench.checks").orElse(Defaults.CHECKS);
    try {
      return CheckMode.valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BenchConfigException("gatebench.checks must be enforce or report but was '" + raw + "'; "
          + "-Dgatebench.checks=report records a gateway row's failed checks without failing it, "
          + "-Dgatebench.checks=enforce (the default) fails the row", e);
    }
  }

  /**
   * The gateway rows to run, e.g. {@code [direct, litellm, litellm[workers=4]]}: split at commas outside
   * brackets, names lower case, a row's own values as given; empty means all. Checked by whoever knows them.
   */
  public List<String> gateways() {
    return get("gatebench.gateways").map(BenchConfig::rows).orElse(List.of());
  }

  private static List<String> rows(String value) {
    List<String> rows = new java.util.ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      char c = i < value.length() ? value.charAt(i) : ',';
      if (c == '[') depth++;
      if (c == ']') depth = Math.max(0, depth - 1);
      if (c != ',' || depth > 0) continue;
      String row = value.substring(start, i).strip();
      int open = row.indexOf('[');
      String name = open < 0 ? row : row.substring(0, open);
      if (!row.isEmpty()) rows.add(name.strip().toLowerCase(Locale.ROOT) + (open < 0 ? "" : row.substring(open)));
      start = i + 1;
    }
    return List.copyOf(rows);
  }

  public Duration mockTtft() {
    return duration("gatebench.mock.ttft", Defaults.MOCK_TTFT);
  }

  public Duration mockItl() {
    return duration("gatebench.mock.itl", Defaults.MOCK_ITL);
  }

  public Path resultsDir() {
    return Path.of(get("gatebench.resultsDir").orElse(Defaults.RESULTS_DIR));
  }

  /** {@code gatebench.reportDir}: the comparison report's folder, e.g. {@code target/gatebench-report}. */
  public Path reportDir() {
    return Path.of(get("gatebench.reportDir").orElse(Defaults.REPORT_DIR));
  }

  public String testModel() {
    return get("TEST_MODEL").orElse(Defaults.TEST_MODEL);
  }

  public int maxTokens() {
    int tokens = parse("TEST_MAX_TOKENS", get("TEST_MAX_TOKENS").orElse(Defaults.TEST_MAX_TOKENS),
        Integer::parseInt, "e.g. TEST_MAX_TOKENS=100");
    if (tokens < 1) {
      throw new BenchConfigException("TEST_MAX_TOKENS must be >= 1 but was " + tokens
          + "; e.g. TEST_MAX_TOKENS=100");
    }
    return tokens;
  }

  /** The request's temperature, in [0, 2] (what OpenAI-style APIs accept; Anthropic's models take [0, 1]). */
  public double temperature() {
    String raw = get("TEST_TEMPERATURE").orElse(Defaults.TEST_TEMPERATURE);
    double temperature = parse("TEST_TEMPERATURE", raw, Double::parseDouble, "e.g. TEST_TEMPERATURE=0.7");
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new BenchConfigException("TEST_TEMPERATURE must be in [0, 2] but was '" + raw
          + "'; e.g. TEST_TEMPERATURE=0.7");
    }
    return temperature;
  }

  /**
   * A switch such as {@code gatebench.stream}: {@code true} or {@code false} (any case), {@code fallback}
   * when unset. Anything else is refused rather than read as false, so a typo cannot silently turn it off.
   */
  public boolean flag(String name, boolean fallback) {
    Optional<String> raw = get(name);
    if (raw.isEmpty()) return fallback;
    if (raw.get().equalsIgnoreCase("true")) return true;
    if (raw.get().equalsIgnoreCase("false")) return false;
    throw new BenchConfigException(name + " must be true or false but was '" + raw.get() + "'; e.g. -D" + name
        + "=" + !fallback);
  }

  /**
   * A whole number setting; empty when unset.
   *
   * @param example a good value, for the message, e.g. 4000 for a port
   */
  public Optional<Integer> integer(String name, int example) {
    return get(name).map(raw -> {
      try {
        return Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        throw new BenchConfigException(name + " must be a whole number but was '" + raw + "'; e.g. -D" + name
            + "=" + example, e);
      }
    });
  }

  public Optional<String> anthropicApiKey() {
    return get("ANTHROPIC_API_KEY");
  }

  /**
   * A duration setting in k6's syntax ({@link DurationText}): {@code 800us}, {@code 250ms}, {@code 1m30s}.
   *
   * @param fallback the default, in the same syntax; also the example of the message
   * @throws BenchConfigException naming the setting, the rule, the value and {@code -D<name>=<fallback>}
   */
  public Duration duration(String name, String fallback) {
    String raw = get(name).orElse(fallback);
    try {
      return DurationText.parse(name, raw, "-D" + name + "=" + fallback);
    } catch (DurationFormatException e) {
      throw new BenchConfigException(e.getMessage(), e);
    }
  }

  /** Every name set in any source: system properties, environment and the {@code .env} file. */
  public java.util.Set<String> names() {
    java.util.Set<String> names = new java.util.TreeSet<>(systemProperties.keySet());
    names.addAll(environment.keySet());
    names.addAll(envFile.keySet());
    return names;
  }

  /**
   * Every setting this configuration sees from any source, secrets replaced by {@code ***}. The
   * request's settings ({@code TEST_MODEL}, {@code TEST_MAX_TOKENS}, {@code TEST_TEMPERATURE}) are
   * always present with the value in force: an empty {@code TEST_MODEL=} records the default that
   * was sent, not {@code ""}.
   */
  public Map<String, String> redacted() {
    Map<String, String> all = new TreeMap<>();
    envFile.forEach(all::put);
    environment.forEach((k, v) -> { if (isOurs(k)) all.put(k, v); });
    systemProperties.forEach((k, v) -> { if (isOurs(k)) all.put(k, v); });
    all.put("TEST_MODEL", get("TEST_MODEL").orElse(Defaults.TEST_MODEL));
    all.put("TEST_MAX_TOKENS", get("TEST_MAX_TOKENS").orElse(Defaults.TEST_MAX_TOKENS));
    all.put("TEST_TEMPERATURE", get("TEST_TEMPERATURE").orElse(Defaults.TEST_TEMPERATURE));
    all.replaceAll((k, v) -> isSecret(k) && !v.isBlank() ? "***" : v);
    return all;
  }

  /** True for names whose values must never be written anywhere: keys, secrets, tokens, passwords. */
  public static boolean isSecret(String name) {
    return SECRET.matcher(name).matches();
  }

  private static boolean isOurs(String name) {
    return name.startsWith("gatebench.") || name.startsWith("GATEBENCH_") || name.startsWith("TEST_")
        || name.startsWith("INFERXGATE_") || name.startsWith("LITELLM_") || name.equals("ANTHROPIC_API_KEY");
  }

  private <E extends Enum<E>> E choice(String name, Class<E> type, String fallback) {
    String raw = get(name).orElse(fallback);
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed = Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT)).toList().toString();
      throw new BenchConfigException(name + " must be one of " + allowed + " but was '" + raw
          + "'; e.g. -D" + name + "=" + fallback, e);
    }
  }

  private static <T> T parse(String name, String raw, Function<String, T> parser, String example) {
    try {
      return parser.apply(raw.strip());
    } catch (RuntimeException e) {
      throw new BenchConfigException(name + " must be a number but was '" + raw + "'; " + example, e);
    }
  }
}
