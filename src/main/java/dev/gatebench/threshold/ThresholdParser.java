package dev.gatebench.threshold;

import dev.gatebench.units.DurationFormatException;
import dev.gatebench.units.DurationText;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** k6 threshold syntax: {@code <aggregation> <operator> <number>}, and k6's object form. Stateless. */
final class ThresholdParser {
  private static final String EXPECTED = "expected '<aggregation> <operator> <number>' with aggregation "
      + "avg, min, max, med, p(N), rate, count or value and operator <, <=, >, >=, ==, === or !=; "
      + "e.g. 'p(95)<30000' or 'rate<0.1'";
  private static final Pattern AGGREGATION = Pattern.compile("\\s*(avg|min|max|med|rate|count|value|p\\(([^)]*)\\))");
  private static final Pattern WORD = Pattern.compile("\\s*([^<>=!\\s]*)");
  private static final Pattern OPERATOR = Pattern.compile("\\s*(===|==|!=|<=|>=|<|>)");
  private static final Set<String> OBJECT_KEYS = Set.of("threshold", "abortOnFail", "delayAbortEval");

  private ThresholdParser() {}

  static Threshold parse(String expression) {
    if (expression == null || expression.isBlank()) throw invalid(String.valueOf(expression), "it is empty");
    Matcher aggregation = AGGREGATION.matcher(expression);
    if (!aggregation.lookingAt()) {
      Matcher word = WORD.matcher(expression);
      word.lookingAt();
      throw invalid(expression, "unknown aggregation '" + word.group(1) + "'");
    }
    String name = aggregation.group(1);
    if (aggregation.group(2) != null) name = percentileName(expression, aggregation.group(2));
    String rest = expression.substring(aggregation.end());
    Matcher operator = OPERATOR.matcher(rest);
    if (!operator.lookingAt()) {
      throw invalid(expression, "no operator after '" + aggregation.group(1) + "'");
    }
    double bound = number(expression, rest.substring(operator.end()).strip());
    return new Threshold(expression, name, Operator.ofSymbol(operator.group(1)).orElseThrow(), bound,
        false, Optional.empty());
  }

  private static String percentileName(String expression, String raw) {
    double percentile;
    try {
      percentile = Double.parseDouble(raw.strip());
    } catch (NumberFormatException e) {
      throw invalid(expression, "percentile '" + raw + "' is not a number");
    }
    if (!(percentile >= 0 && percentile <= 100)) {
      throw invalid(expression, "percentile must be in [0, 100] but was " + raw.strip());
    }
    return "p(" + Numbers.exact(percentile) + ")";
  }

  private static double number(String expression, String raw) {
    try {
      double value = Double.parseDouble(raw);
      if (Double.isFinite(value) && !raw.isEmpty() && !raw.endsWith("d") && !raw.endsWith("f")) return value;
    } catch (NumberFormatException e) {
      // Reported below, with the expected form.
    }
    String found = raw.isEmpty() ? "nothing" : "'" + raw + "'";
    throw invalid(expression, "expected a number after the operator but found " + found
        + " (time metrics take plain ms, without unit)");
  }

  private static ThresholdException invalid(String expression, String problem) {
    return new ThresholdException("Invalid threshold '" + expression + "': " + problem + "; " + EXPECTED);
  }

  static Threshold parseObject(Map<String, ?> k6Object) {
    for (String key : k6Object.keySet()) {
      if (!OBJECT_KEYS.contains(key)) {
        throw new ThresholdException("Invalid threshold object " + k6Object + ": unknown key '" + key
            + "'; expected keys threshold, abortOnFail, delayAbortEval; e.g. "
            + "{threshold: 'p(95)<30000', abortOnFail: true, delayAbortEval: '10s'}");
      }
    }
    if (!(k6Object.get("threshold") instanceof String expression)) {
      throw new ThresholdException("Invalid threshold object " + k6Object + ": 'threshold' must be an "
          + "expression string; e.g. {threshold: 'p(95)<30000', abortOnFail: true}");
    }
    Threshold threshold = parse(expression);
    Object abort = k6Object.get("abortOnFail");
    if (abort != null) threshold = abortOnFail(threshold, abort, k6Object);
    Object delay = k6Object.get("delayAbortEval");
    return delay == null ? threshold : threshold.withDelayAbortEval(duration(delay, k6Object));
  }

  private static Threshold abortOnFail(Threshold threshold, Object abort, Map<String, ?> k6Object) {
    if (!(abort instanceof Boolean flag)) {
      throw new ThresholdException("Invalid threshold object " + k6Object + ": abortOnFail must be true or "
          + "false but was '" + abort + "'; e.g. abortOnFail: true");
    }
    return flag ? threshold.abortingOnFail() : threshold;
  }

  /** k6 durations: {@code 10s}, {@code 500ms}, {@code 1m30s}, {@code 1h} ({@link DurationText}). */
  static Duration duration(Object raw, Map<String, ?> k6Object) {
    try {
      return DurationText.parse("delayAbortEval", String.valueOf(raw), "delayAbortEval: '10s'");
    } catch (DurationFormatException e) {
      throw new ThresholdException("Invalid threshold object " + k6Object + ": " + e.getMessage());
    }
  }
}
