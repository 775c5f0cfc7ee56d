package dev.gatebench.session;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.config.StackKind;
import dev.gatebench.gateway.BuiltIn;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewayKinds;
import dev.gatebench.gateway.GatewayRow;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.HasExternalUrl;
import dev.gatebench.report.gate.BaselineException;
import dev.gatebench.report.gate.BaselineStore;
import dev.gatebench.report.gate.GateSettings;
import dev.gatebench.stack.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a run that can be checked before anything starts, checked in one pass so that
 * a user fixes every mistake at once instead of one per run: each setting's syntax and range, the
 * results folder (a probe file is written and deleted), the baseline's format, fixed ports, and, for
 * {@code gatebench.stack=external}, that each selected gateway answers its readiness probe. Nothing
 * is started; the checks take at most a few seconds (one bounded probe per external gateway).
 *
 * <pre>{@code
 * BenchConfig config = Preflight.load();
 * Preflight.check(config); // BenchConfigException listing every problem with its setting, value and fix
 * }</pre>
 */
public final class Preflight {

  private final BenchConfig config;
  private final List<Problem> problems = new ArrayList<>();

  private Preflight(BenchConfig config) {
    this.config = config;
  }

  /**
   * This JVM's configuration.
   *
   * @throws BenchConfigException when the {@code .env} file cannot be read or parsed, naming it
   */
  public static BenchConfig load() {
    try {
      return BenchConfig.load();
    } catch (UncheckedIOException e) {
      throw new BenchConfigException("gatebench.envFile: " + e.getMessage() + " (" + e.getCause().getMessage()
          + "); make it readable, or point -Dgatebench.envFile at a readable file", e);
    }
  }

  /**
   * Checks every setting and resource a run needs before it starts.
   *
   * @throws BenchConfigException listing every problem found, each with its setting, value and fix
   */
  public static void check(BenchConfig config) {
    check(config, Map.of());
  }

  /**
   * As {@link #check(BenchConfig)}, with more folders the caller will write into, each checked like
   * the results folder.
   *
   * @param folders what each folder is, for the message (e.g. {@code the comparison report's folder}) → folder
   */
  public static void check(BenchConfig config, Map<String, Path> folders) {
    Preflight preflight = new Preflight(config);
    preflight.settings();
    preflight.folders();
    folders.forEach((what, folder) -> preflight.check(what, () -> writable(what + " " + folder, folder,
        "move what is in the way")));
    preflight.ports();
    preflight.externalGateways();
    // last, so that a problem already named by a check above is not listed twice
    preflight.check("gateway settings", () -> GatewaySettings.from(config)); // its own rules; first problem only
    preflight.throwIfAny();
  }

  private void settings() {
    Settings.known().forEach(s -> check(s.name(), () -> s.read().accept(config)));
    Settings.misspelled(config.names()).forEach(p -> problems.add(new Problem(p.setting(), p.message(), null)));
  }

  private void folders() {
    check("gatebench.resultsDir", () -> writable("gatebench.resultsDir", config.resultsDir()));
    if (readable(() -> config.flag("gatebench.updateBaseline", false)).orElse(false)) {
      check("gatebench.baseline", () -> writable("gatebench.baseline", baselineFolder()));
    } else if (config.get("gatebench.baseline").isPresent()) {
      check("gatebench.baseline", () -> BaselineStore.validate(Path.of(config.get("gatebench.baseline").get())));
      check("gatebench.gate", () -> GateSettings.from(config));
    }
    if (!startedGateways().isEmpty()) {
      Path logDir = Path.of(config.get("gatebench.logDir").orElse(GatewaySettings.LOG_DIR));
      check("gatebench.logDir", () -> writable("gatebench.logDir", logDir));
    }
  }

  /** Where {@code gatebench.updateBaseline} writes: as {@code RegressionGate.runConfigured} decides. */
  private Path baselineFolder() {
    Path dir = Path.of(config.get("gatebench.baseline").orElse("baseline"));
    return dir.toString().endsWith(".json") ? Objects.requireNonNullElse(dir.getParent(), Path.of(".")) : dir;
  }

  /** {@link #writable(String, Path, String)} for a folder named by a setting. */
  static void writable(String setting, Path dir) {
    writable(setting + "=" + dir, dir, "point -D" + setting + " at a writable folder (it is created if missing)");
  }

  /** Creates the folder if needed, then writes and deletes a probe file in it. */
  static void writable(String what, Path dir, String fix) {
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".gatebench-probe-", ".tmp"));
    } catch (FileAlreadyExistsException e) {
      throw new BenchConfigException(what + " is a file, not a folder; " + fix, e);
    } catch (IOException e) {
      String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
          : e.getClass().getSimpleName();
      throw new BenchConfigException(what + " cannot be written (" + why + " at " + dir.toAbsolutePath()
          + "); fix its permissions or " + fix, e);
    }
  }

  /** Each started row's fixed port must be free, and no two rows may fix the same one. */
  private void ports() {
    boolean bindsPorts = readable(config::stack).filter(s -> s != StackKind.EXTERNAL).isPresent();
    Map<Integer, GatewayRow> fixed = new HashMap<>();
    for (GatewayRow row : startedGateways()) {
      String setting = "gatebench." + row.kind().name() + ".port";
      Optional<Integer> port = readable(() -> fixedPort(row, setting)).flatMap(p -> p);
      if (port.isEmpty()) continue;
      GatewayRow other = fixed.putIfAbsent(port.get(), row);
      if (other != null) {
        add(new Problem(setting, setting + "=" + port.get() + " is fixed for both " + other.name() + " and "
            + row.name() + ", which cannot share a port; give the variant its own, e.g. " + row.kind().name()
            + "[" + joinedWithPort(row, port.get() + 1) + "]", null));
      } else if (bindsPorts) {
        check(setting, () -> portFree(setting, port.get()));
      }
    }
  }

  private Optional<Integer> fixedPort(GatewayRow row, String setting) {
    return Optional.ofNullable(row.params().get("port")).or(() -> config.get(setting)).map(p -> Integer.parseInt(p.strip()));
  }

  private static String joinedWithPort(GatewayRow row, int port) {
    Map<String, String> params = new java.util.LinkedHashMap<>(row.params());
    params.put("port", Integer.toString(port));
    return String.join(",", params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static void portFree(String setting, int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new BenchConfigException(setting + "=" + port + " is taken on 127.0.0.1 by another process; stop "
          + "that process, or unset " + setting + " so that gatebench picks a free port", e);
    }
  }

  /** With the external stack a gateway that does not answer is the user's setting: it fails, it is not skipped. */
  private void externalGateways() {
    if (readable(config::stack).filter(s -> s == StackKind.EXTERNAL).isEmpty()) return;
    for (GatewayRow row : startedGateways()) {
      if (row.kind() instanceof HasExternalUrl external) {
        check(external.externalUrlSetting(), () -> answers(row, external.externalUrlSetting()));
      }
    }
  }

  private void answers(GatewayRow row, String setting) {
    GatewayKind kind = row.kind();
    String others = String.join(",", selected().stream().map(GatewayRow::name)
        .filter(n -> !n.equals(row.name())).toList());
    String leaveOut = others.isEmpty() ? "" : ", or leave " + row.name() + " out with -Dgatebench.gateways=" + others;
    String raw = config.get(setting).orElseThrow(() -> new BenchConfigException(setting + " is unset but "
        + "gatebench.stack=external runs " + kind.name() + "; set " + setting + " to the running gateway, e.g. "
        + setting + "=http://localhost:" + kind.usualPort() + leaveOut));
    URI url = Settings.url(setting, raw);
    String answer = Readiness.check(url, kind.readiness());
    if (!Readiness.isReady(answer)) {
      throw new BenchConfigException(setting + "=" + raw + " does not answer " + kind.readiness().method() + " "
          + kind.readiness().on(url) + " with 2xx (got " + answer + "), so " + kind.name() + " cannot run; start "
          + kind.displayName() + " there or fix " + setting + leaveOut);
    }
  }

  /** The selected rows a stack starts or finds (not the built-in Direct row); empty when the selection is bad. */
  private List<GatewayRow> startedGateways() {
    return selected().stream().filter(row -> !(row.kind() instanceof BuiltIn)).toList();
  }

  private List<GatewayRow> selected() {
    return readable(() -> GatewayKinds.select(config.gateways())).orElse(List.of());
  }

  /** A value that other checks depend on; empty when it is itself a problem (reported by its own check). */
  private static <T> Optional<T> readable(java.util.function.Supplier<T> value) {
    try {
      return Optional.ofNullable(value.get());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private void check(String setting, Runnable check) {
    try {
      check.run();
    } catch (BenchConfigException | BaselineException e) {
      add(new Problem(setting, e.getMessage(), e));
    } catch (IllegalArgumentException e) {
      add(new Problem(setting, setting + ": " + e.getMessage(), e));
    }
  }

  /** A problem whose message starts with a setting already reported is the same problem seen twice. */
  private void add(Problem problem) {
    boolean seen = problems.stream().anyMatch(p -> problem.message().startsWith(p.setting() + " ")
        || problem.message().startsWith(p.setting() + "=") || problem.message().startsWith(p.setting() + ":"));
    if (!seen) problems.add(problem);
  }

  /**
   * One line, however many problems: surefire starts a message of several lines on the line after
   * the exception's name, and its summary would show only the first, so one line keeps every problem
   * first in the console and whole in Maven's {@code [ERROR] Errors:} summary.
   */
  private void throwIfAny() {
    if (problems.isEmpty()) return;
    if (problems.size() == 1) throw new BenchConfigException(problems.getFirst().message(), problems.getFirst().cause());
    StringBuilder message = new StringBuilder(problems.size() + " settings to fix before gatebench can run "
        + "(nothing was started):");
    for (int i = 0; i < problems.size(); i++) message.append(" (").append(i + 1).append(") ")
        .append(problems.get(i).message());
    throw new BenchConfigException(message.toString());
  }

  /** One thing to fix: the setting, and a message naming the setting, the value and the fix. */
  record Problem(String setting, String message, Throwable cause) {}
}
