package dev.gatebench.gateway;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting a gateway kind reads: its short key (what {@link GatewayContext#setting} and a row's
 * variant {@code litellm[workers=4]} use), its full name (looked up as every setting is), its default
 * and its check. The preflight checks every declared setting before a run and knows its name for the
 * misspelling check. A name ending in KEY or TOKEN is a secret: redacted everywhere, never a variant.
 *
 * @param key short and unique within its kind, e.g. {@code workers}
 * @param name the full name, e.g. {@code gatebench.litellm.workers} or {@code LITELLM_URL}
 * @param fallback the value when unset; empty when unset means "not given" (e.g. an optional URL)
 * @param check refuses a value gatebench cannot use, naming the setting, the rule and an example
 */
public record GatewaySetting(String key, String name, Optional<String> fallback, Check check) {
  private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");

  /** Refuses a value with a {@link BenchConfigException}. */
  @FunctionalInterface
  public interface Check {
    void accept(String name, String value);
  }

  public GatewaySetting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(check, "check");
    if (!KEY.matcher(Objects.requireNonNull(key, "key")).matches()) {
      throw new IllegalArgumentException("a gateway setting's key must be camelCase letters and digits, e.g. "
          + "workers, but was '" + key + "'");
    }
    fallback.ifPresent(value -> check.accept(name, value));
  }

  /** {@code gatebench.<kind>.<key>} with a default, e.g. {@code own("litellm", "workers", "1", wholeNumber(1, 64))}. */
  public static GatewaySetting own(String kind, String key, String fallback, Check check) {
    return new GatewaySetting(key, "gatebench." + kind + "." + key, Optional.of(fallback), check);
  }

  /** {@code gatebench.<kind>.version}, an exact version pinned to {@code pinned} by default, e.g. 1.106.12. */
  public static GatewaySetting pinnedVersion(String kind, String pinned) {
    return own(kind, "version", pinned, exactVersion(pinned));
  }

  /** {@code gatebench.<kind>.<key>} without a default. */
  public static GatewaySetting optional(String kind, String key, Check check) {
    return new GatewaySetting(key, "gatebench." + kind + "." + key, Optional.empty(), check);
  }

  /** A setting with a name of its own, e.g. {@code named("bin", "INFERXGATE_BIN", Optional.empty(), any())}. */
  public static GatewaySetting named(String key, String name, Optional<String> fallback, Check check) {
    return new GatewaySetting(key, name, fallback, check);
  }

  /** True for keys and tokens: never written anywhere, never part of a row's name. */
  public boolean secret() {
    return BenchConfig.isSecret(name);
  }

  /** The value in force in {@code config}, checked; the default when unset. */
  public Optional<String> read(BenchConfig config) {
    Optional<String> value = config.get(name).or(() -> fallback);
    value.ifPresent(v -> check.accept(name, v));
    return value;
  }

  /** Any value. */
  public static Check any() {
    return (name, value) -> {};
  }

  /** A whole number in {@code min..max}; the example in the message is {@code example}. */
  public static Check wholeNumber(int min, int max, int example) {
    return (name, value) -> {
      int number;
      try {
        number = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new BenchConfigException(name + " must be a whole number but was '" + value + "'; e.g. -D" + name
            + "=" + example, e);
      }
      if (number < min || number > max) {
        throw new BenchConfigException(name + " must be in " + min + ".." + max + " but was " + number + "; e.g. -D"
            + name + "=" + example);
      }
    };
  }

  /** A TCP port, 1..65535; unset means a free one. */
  public static Check port(int example) {
    return (name, value) -> {
      wholeNumber(Integer.MIN_VALUE, Integer.MAX_VALUE, example).accept(name, value);
      int port = Integer.parseInt(value.strip());
      if (port < 1 || port > 65_535) {
        throw new BenchConfigException(name + " must be a port in 1..65535 but was " + port + "; e.g. -D" + name
            + "=" + example + ", or unset it so that gatebench picks a free port");
      }
    };
  }

  /** An exact version such as {@code 1.15.2}: a range would install different code on different days. */
  public static Check exactVersion(String example) {
    return (name, value) -> {
      if (!EXACT_VERSION.matcher(value).matches()) {
        throw new BenchConfigException(name + " must be an exact version like " + example + " but was '" + value
            + "'; ranges are refused so that every run installs the same gateway, e.g. -D" + name + "=" + example);
      }
    };
  }

  /** An absolute http(s) URL, e.g. {@code http://localhost:4000}. */
  public static Check url(int examplePort) {
    return (name, value) -> {
      try {
        URI uri = new URI(value);
        if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) return;
      } catch (URISyntaxException e) {
        // reported below with the expected shape
      }
      throw new BenchConfigException(name + " must be an absolute URL like http://localhost:" + examplePort
          + " but was '" + value + "'; e.g. " + name + "=http://localhost:" + examplePort);
    };
  }
}
