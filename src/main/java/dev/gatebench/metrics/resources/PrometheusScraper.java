package dev.gatebench.metrics.resources;

import dev.gatebench.metrics.RunResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads a gateway's Prometheus {@code /metrics} (text exposition format 0.0.4) before and after a
 * run and keeps the difference, so a result says what the gateway itself counted (requests,
 * upstream errors, histogram sums). Series are keyed {@code name{label="value",...}} with labels
 * sorted; histogram and summary series appear as their {@code _bucket}, {@code _sum} and
 * {@code _count} samples. Thread-safe.
 */
public final class PrometheusScraper {
  /** The key under which runs keep the deltas in {@code RunResult.environment}. */
  public static final String ENVIRONMENT_KEY = "gatewayMetrics";

  private final HttpClient client;
  private final Duration timeout;

  /** @param timeout per scrape, e.g. {@code Duration.ofSeconds(5)} */
  public PrometheusScraper(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * GETs the URL and parses it.
   *
   * @throws IOException on a network failure or a status other than 200
   */
  public Map<String, Double> scrape(URI metricsUrl) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(metricsUrl).timeout(timeout).GET().build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + metricsUrl + " answered " + response.statusCode() + ", expected 200");
    }
    return parse(response.body());
  }

  /** Parses an exposition; comments and blank lines are skipped, later duplicates win. */
  public static Map<String, Double> parse(String exposition) {
    Map<String, Double> samples = new LinkedHashMap<>();
    String[] lines = exposition.split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      try {
        Sample s = parseLine(line);
        samples.put(s.key(), s.value());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Prometheus exposition line " + (i + 1) + " is not 'name{labels} value': "
            + line, e);
      }
    }
    return samples;
  }

  /**
   * {@code after - before} for every series in {@code after}; a series absent before counts from 0
   * (counters appear on their first increment). Meaningful for counters and histogram sums and
   * counts; for gauges it is the change.
   */
  public static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> delta = new LinkedHashMap<>();
    after.forEach((key, value) -> delta.put(key, value - before.getOrDefault(key, 0.0)));
    return delta;
  }

  /** A copy of {@code run} with the deltas under {@link #ENVIRONMENT_KEY}. */
  public static RunResult addTo(RunResult run, Map<String, Double> delta) {
    Map<String, Double> finite = new LinkedHashMap<>();
    delta.forEach((k, v) -> {
      if (Double.isFinite(v)) finite.put(k, v); // JSON has no NaN; a NaN gauge carries no information
    });
    return run.withEnvironment(Map.of(ENVIRONMENT_KEY, finite));
  }

  static Sample parseLine(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (brace >= 0 && (space < 0 || brace < space)) {
      String name = line.substring(0, brace);
      int close = closingBrace(line, brace);
      Map<String, String> labels = parseLabels(line.substring(brace + 1, close));
      return new Sample(key(name, labels), parseValue(line.substring(close + 1)));
    }
    return new Sample(line.substring(0, space), parseValue(line.substring(space)));
  }

  private static int closingBrace(String line, int open) {
    boolean quoted = false;
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') quoted = !quoted;
      else if (c == '}' && !quoted) return i;
    }
    throw new IllegalArgumentException("no closing '}'");
  }

  private static Map<String, String> parseLabels(String body) {
    Map<String, String> labels = new TreeMap<>();
    int i = 0;
    while (i < body.length()) {
      int eq = body.indexOf('=', i);
      if (eq < 0) break;
      String name = body.substring(i, eq).strip().replaceFirst("^,", "").strip();
      StringBuilder value = new StringBuilder();
      int j = body.indexOf('"', eq) + 1;
      for (; body.charAt(j) != '"'; j++) {
        char c = body.charAt(j);
        if (c == '\\') {
          char next = body.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      labels.put(name, value.toString());
      i = j + 1;
    }
    return labels;
  }

  private static String key(String name, Map<String, String> labels) {
    if (labels.isEmpty()) return name;
    StringBuilder key = new StringBuilder(name).append('{');
    labels.forEach((k, v) -> key.append(k).append("=\"").append(v.replace("\\", "\\\\").replace("\"", "\\\""))
        .append("\","));
    key.setLength(key.length() - 1);
    return key.append('}').toString();
  }

  /** The value, ignoring an optional timestamp; accepts NaN, +Inf and -Inf. */
  private static double parseValue(String rest) {
    String token = rest.strip().split("\\s+")[0];
    return switch (token) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(token);
    };
  }

  record Sample(String key, double value) {}
}
