package dev.gatebench.report.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link Baseline}s as small JSON files. {@code -Dgatebench.baseline} may name the
 * file itself or the folder holding {@code gatebench-baseline-<suite>.json}. Stateless, thread-safe.
 */
public final class BaselineStore {
  static final String FORMAT = "gatebench-baseline/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BaselineStore() {}

  /** Writes {@code dir/gatebench-baseline-<suite>.json}, creating the folder; returns the file. */
  public static Path write(Baseline baseline, Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(Baseline.fileName(baseline.suite()));
      Files.writeString(file, JSON.writeValueAsString(toJson(baseline)));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the baseline of suite '" + baseline.suite() + "' to " + dir, e);
    }
  }

  /**
   * Reads the baseline of {@code suite} from a file or a folder.
   *
   * @throws BaselineException when it is missing, corrupt or of another suite
   */
  public static Baseline read(Path fileOrDir, String suite) {
    Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(Baseline.fileName(suite)) : fileOrDir;
    if (!Files.isRegularFile(file)) throw missing(fileOrDir, file, suite);
    Baseline baseline = parse(file);
    if (!baseline.suite().equals(suite)) {
      throw new BaselineException("gatebench.baseline: " + file + " is the baseline of suite '" + baseline.suite()
          + "', not of suite '" + suite + "'; point -Dgatebench.baseline at the folder holding "
          + Baseline.fileName(suite));
    }
    return baseline;
  }

  /**
   * Checks, before any load, that {@code fileOrDir} can serve as {@code gatebench.baseline}: a
   * baseline file, or a folder holding at least one {@code gatebench-baseline-<suite>.json}, each of
   * which must read as a baseline. Which suites it covers is checked per suite by {@link #read}.
   *
   * @throws BaselineException naming the path, what is wrong with it and the fix
   */
  public static void validate(Path fileOrDir) {
    if (!Files.exists(fileOrDir)) throw missing(fileOrDir, fileOrDir, "");
    if (!Files.isDirectory(fileOrDir)) {
      parse(fileOrDir);
      return;
    }
    List<Path> files = baselineFiles(fileOrDir);
    if (files.isEmpty()) {
      throw new BaselineException("gatebench.baseline: the folder " + fileOrDir + " holds no baseline (no "
          + Baseline.fileName("<suite>") + "); point -Dgatebench.baseline at the folder that holds them, or "
          + "record one with -Dgatebench.updateBaseline=true");
    }
    files.forEach(BaselineStore::parse);
  }

  private static List<Path> baselineFiles(Path dir) {
    try (var listing = Files.list(dir)) {
      return listing.filter(f -> f.getFileName().toString().matches("gatebench-baseline-.+\\.json")).sorted().toList();
    } catch (IOException e) {
      throw new BaselineException("gatebench.baseline: the folder " + dir + " cannot be read (" + e.getMessage()
          + "); fix its permissions or point -Dgatebench.baseline elsewhere", e);
    }
  }

  private static BaselineException missing(Path given, Path file, String suite) {
    if (Files.exists(file)) {
      return new BaselineException("gatebench.baseline: " + file + " is not a regular file; point "
          + "-Dgatebench.baseline at a baseline file or at the folder holding " + Baseline.fileName(suite));
    }
    if (!given.equals(file)) {
      return new BaselineException("gatebench.baseline: no baseline of suite '" + suite + "' in " + given
          + " (expected " + Baseline.fileName(suite) + "); record one with -Dgatebench.updateBaseline=true");
    }
    return new BaselineException("gatebench.baseline: " + given
        + " does not exist; record a baseline with -Dgatebench.updateBaseline=true");
  }

  private static Baseline parse(Path file) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw new BaselineException(corrupt(file, "no \"format\": \"" + FORMAT + "\" field"));
      }
      return fromJson(root);
    } catch (JsonProcessingException e) {
      throw new BaselineException(corrupt(file, "not valid JSON"), e);
    } catch (IOException e) {
      throw new BaselineException("gatebench.baseline: " + file + " cannot be read (" + e.getMessage()
          + "); fix its permissions or point -Dgatebench.baseline elsewhere", e);
    } catch (RuntimeException e) {
      if (e instanceof BaselineException) throw e;
      throw new BaselineException(corrupt(file, "unexpected content"), e);
    }
  }

  private static String corrupt(Path file, String why) {
    return "gatebench.baseline: " + file + " is not a gatebench baseline (" + why
        + "); delete it and record a new one with -Dgatebench.updateBaseline=true";
  }

  static ObjectNode toJson(Baseline b) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("suite", b.suite());
    root.put("recordedAt", b.recordedAt().toString());
    putSeries(root.putObject("directMs"), b.directMs());
    ObjectNode gateways = root.putObject("gatewayMs");
    b.gatewayMs().forEach((gateway, byMetric) -> putSeries(gateways.putObject(gateway), byMetric));
    ObjectNode facts = root.putObject("facts");
    b.facts().forEach(facts::put);
    return root;
  }

  static Baseline fromJson(JsonNode root) {
    Map<String, Map<GateMetric, List<Double>>> gateways = new LinkedHashMap<>();
    root.required("gatewayMs").properties().forEach(g -> gateways.put(g.getKey(), series(g.getValue())));
    Map<String, String> facts = new LinkedHashMap<>();
    root.path("facts").properties().forEach(e -> facts.put(e.getKey(), e.getValue().asText()));
    return new Baseline(root.required("suite").asText(), Instant.parse(root.required("recordedAt").asText()),
        series(root.required("directMs")), gateways, facts);
  }

  private static void putSeries(ObjectNode node, Map<GateMetric, List<Double>> byMetric) {
    byMetric.forEach((m, samples) -> samples.forEach(node.putArray(m.name())::add));
  }

  private static Map<GateMetric, List<Double>> series(JsonNode node) {
    Map<GateMetric, List<Double>> byMetric = new EnumMap<>(GateMetric.class);
    node.properties().forEach(m -> {
      List<Double> samples = new ArrayList<>();
      m.getValue().forEach(v -> samples.add(number(v)));
      byMetric.put(GateMetric.valueOf(m.getKey()), samples);
    });
    return byMetric;
  }

  private static double number(JsonNode node) {
    if (!node.isNumber()) throw new IllegalArgumentException("expected a number but found " + node);
    return node.doubleValue();
  }
}
