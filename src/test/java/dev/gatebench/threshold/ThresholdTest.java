package dev.gatebench.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.units.DurationCases;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThresholdTest {
  private static final String EXPECTED = "; expected '<aggregation> <operator> <number>' with aggregation "
      + "avg, min, max, med, p(N), rate, count or value and operator <, <=, >, >=, ==, === or !=; "
      + "e.g. 'p(95)<30000' or 'rate<0.1'";

  static Stream<Arguments> k6Expressions() {
    return Stream.of(
        Arguments.of("p(95)<30000", "p(95)", Operator.LESS_THAN, 30000.0),
        Arguments.of("p(99.9)<=500", "p(99.9)", Operator.LESS_OR_EQUAL, 500.0),
        Arguments.of("p(95.0) < 300", "p(95)", Operator.LESS_THAN, 300.0),
        Arguments.of("avg<200", "avg", Operator.LESS_THAN, 200.0),
        Arguments.of("med<100", "med", Operator.LESS_THAN, 100.0),
        Arguments.of("min>1.5", "min", Operator.GREATER_THAN, 1.5),
        Arguments.of("max < 60000", "max", Operator.LESS_THAN, 60000.0),
        Arguments.of("rate<0.1", "rate", Operator.LESS_THAN, 0.1),
        Arguments.of("count>100", "count", Operator.GREATER_THAN, 100.0),
        Arguments.of("count>=1e3", "count", Operator.GREATER_OR_EQUAL, 1000.0),
        Arguments.of("value==0", "value", Operator.EQUAL, 0.0),
        Arguments.of("value===0", "value", Operator.STRICT_EQUAL, 0.0),
        Arguments.of("value!=-1", "value", Operator.NOT_EQUAL, -1.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("k6Expressions")
  void parsesK6Expressions(String expression, String aggregation, Operator operator, double bound) {
    Threshold t = Threshold.parse(expression);

    assertThat(t.expression()).as("kept as written, as k6 keys it").isEqualTo(expression);
    assertThat(t.aggregation()).isEqualTo(aggregation);
    assertThat(t.operator()).isEqualTo(operator);
    assertThat(t.bound()).isEqualTo(bound);
    assertThat(t.abortOnFail()).isFalse();
  }

  static Stream<Arguments> badExpressions() {
    return Stream.of(
        Arguments.of("", "Invalid threshold '': it is empty"),
        Arguments.of("p95<300", "Invalid threshold 'p95<300': unknown aggregation 'p95'"),
        Arguments.of("mean<300", "Invalid threshold 'mean<300': unknown aggregation 'mean'"),
        Arguments.of("p(101)<300", "Invalid threshold 'p(101)<300': percentile must be in [0, 100] but was 101"),
        Arguments.of("p(x)<300", "Invalid threshold 'p(x)<300': percentile 'x' is not a number"),
        Arguments.of("p(95)", "Invalid threshold 'p(95)': no operator after 'p(95)'"),
        Arguments.of("p(95)=>300", "Invalid threshold 'p(95)=>300': no operator after 'p(95)'"),
        Arguments.of("p(95)<30s", "Invalid threshold 'p(95)<30s': expected a number after the operator but "
            + "found '30s' (time metrics take plain ms, without unit)"),
        Arguments.of("rate<", "Invalid threshold 'rate<': expected a number after the operator but found "
            + "nothing (time metrics take plain ms, without unit)"));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @MethodSource("badExpressions")
  void rejectsBadSyntaxWithTheExpressionTheExpectationAndAnExample(String expression, String problem) {
    assertThatThrownBy(() -> Threshold.parse(expression))
        .isInstanceOf(ThresholdException.class)
        .hasMessage(problem + EXPECTED);
  }

  @Test
  void buildsTypedThresholdsWithK6Expressions() {
    assertThat(Threshold.percentile(95).below(Duration.ofSeconds(30)).expression()).isEqualTo("p(95)<30000");
    assertThat(Threshold.percentile(99.9).atMost(Duration.ofMillis(500)).expression()).isEqualTo("p(99.9)<=500");
    assertThat(Threshold.avg().below(Duration.ofNanos(1_500_000)).expression()).isEqualTo("avg<1.5");
    assertThat(Threshold.rate().below(0.1).expression()).isEqualTo("rate<0.1");
    assertThat(Threshold.count().above(100).expression()).isEqualTo("count>100");
    assertThat(Threshold.med().atLeast(20).expression()).isEqualTo("med>=20");
    assertThat(Threshold.percentile(95).below(Duration.ofSeconds(30)))
        .as("a built threshold equals the parsed one").isEqualTo(Threshold.parse("p(95)<30000"));
  }

  @Test
  void rejectsAPercentileOutsideZeroToHundredInTheBuilder() {
    assertThatThrownBy(() -> Threshold.percentile(100.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentile must be in [0, 100] but was 100.5; e.g. Threshold.percentile(95)");
  }

  @Test
  void parsesK6ObjectFormWithAbortOnFailAndDelayAbortEval() {
    Threshold t = Threshold.parse(Map.of("threshold", "p(95)<30000", "abortOnFail", true, "delayAbortEval", "1m30s"));

    assertThat(t.expression()).isEqualTo("p(95)<30000");
    assertThat(t.abortOnFail()).isTrue();
    assertThat(t.delayAbortEval()).contains(Duration.ofSeconds(90));
    assertThat(Threshold.parse(Map.of("threshold", "rate<0.1")).delayAbortEval()).isEqualTo(Optional.empty());
  }

  @Test
  void rejectsAnObjectWithAnUnknownKey() {
    assertThatThrownBy(() -> Threshold.parse(Map.of("threshold", "rate<0.1", "abortOnFailure", true)))
        .isInstanceOf(ThresholdException.class)
        .hasMessageContaining("unknown key 'abortOnFailure'; expected keys threshold, abortOnFail, delayAbortEval");
  }

  @Test
  void rejectsAnObjectWithABadDelay() {
    Map<String, Object> k6Object = new LinkedHashMap<>();
    k6Object.put("threshold", "rate<0.1");
    k6Object.put("delayAbortEval", "10 seconds");

    assertThatThrownBy(() -> Threshold.parse(k6Object))
        .isInstanceOf(ThresholdException.class)
        .hasMessage("Invalid threshold object {threshold=rate<0.1, delayAbortEval=10 seconds}: delayAbortEval must "
            + "be a duration, a number and a unit (ns, us, ms, s, m, h or d), or several as in 1m30s, but was "
            + "'10 seconds'; e.g. delayAbortEval: '10s'");
  }

  @Test
  void comparesAsItsOperatorSaysAndFailsOnNoData() {
    Threshold t = Threshold.parse("p(95)<300");

    assertThat(t.holdsFor(299.9)).isTrue();
    assertThat(t.holdsFor(300)).isFalse();
    assertThat(t.holdsFor(Double.NaN)).as("no samples").isFalse();
    assertThat(Threshold.parse("p(95)<=300").holdsFor(300)).isTrue();
    assertThat(Threshold.parse("count!=0").holdsFor(0)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#valid")
  void readsDelayAbortEvalInTheOneDurationSyntax(String text, Duration expected) {
    Threshold t = Threshold.parse(Map.of("threshold", "rate<0.1", "abortOnFail", true, "delayAbortEval", text));

    assertThat(t.delayAbortEval()).as("delayAbortEval: '%s'", text).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#invalid")
  void refusesADelayAbortEvalThatIsNoDurationInTheOneMessageShape(String text) {
    assertThatThrownBy(() -> Threshold.parse(Map.of("threshold", "rate<0.1", "delayAbortEval", text)))
        .isInstanceOf(ThresholdException.class)
        .hasMessageEndingWith(": delayAbortEval " + DurationCases.ruleAndValue(text) + "delayAbortEval: '10s'");
  }
}
