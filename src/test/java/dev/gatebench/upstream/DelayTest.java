package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Delays parse from text, validate themselves and draw from the right distribution. */
class DelayTest {

  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of("250ms", Delay.fixed(Duration.ofMillis(250))),
        Arguments.of("1.5s", Delay.fixed(Duration.ofMillis(1500))),
        Arguments.of("800us", Delay.fixed(Duration.ofNanos(800_000))),
        Arguments.of("0", Delay.ZERO),
        Arguments.of("uniform(100ms, 300ms)", Delay.uniform(Duration.ofMillis(100), Duration.ofMillis(300))),
        Arguments.of("LogNormal(250ms,900ms)", Delay.logNormal(Duration.ofMillis(250), Duration.ofMillis(900))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void parsesEachForm(String text, Delay expected) {
    assertThat(Delay.parse(text)).isEqualTo(expected);
  }

  @Test
  void rejectsAnUnknownUnitNamingTheValueAndTheForms() {
    assertThatThrownBy(() -> Delay.parse("5 minutes"))
        .hasMessage("delay '5 minutes' is not a duration; " + DelayParser.FORMS);
  }

  @Test
  void rejectsUniformWithMaxBelowMin() {
    assertThatThrownBy(() -> Delay.uniform(Duration.ofMillis(3), Duration.ofMillis(2)))
        .hasMessage("uniform delay max must be >= min but was max=PT0.002S, min=PT0.003S");
  }

  @Test
  void rejectsANegativeFixedDelay() {
    assertThatThrownBy(() -> Delay.fixed(Duration.ofMillis(-1))).hasMessage("delay delay must be >= 0 but was PT-0.001S");
  }

  @Test
  void uniformDrawsStayInsideTheirBounds() {
    Delay delay = Delay.uniform(Duration.ofMillis(10), Duration.ofMillis(20));
    SplittableRandom random = new SplittableRandom(1);
    long[] draws = Stream.generate(() -> delay.sampleNanos(random)).limit(10_000).mapToLong(Long::longValue).toArray();

    assertThat(Arrays.stream(draws).min().orElseThrow()).isGreaterThanOrEqualTo(10_000_000L);
    assertThat(Arrays.stream(draws).max().orElseThrow()).isLessThanOrEqualTo(20_000_000L);
    assertThat(Arrays.stream(draws).average().orElseThrow()).isCloseTo(15_000_000, within(200_000.0));
  }

  @Test
  void logNormalDrawsHaveTheGivenMedianAndNinetyNinthPercentile() {
    Delay delay = Delay.logNormal(Duration.ofMillis(250), Duration.ofMillis(900));
    SplittableRandom random = new SplittableRandom(3);
    long[] draws = Stream.generate(() -> delay.sampleNanos(random)).limit(100_000).mapToLong(Long::longValue).sorted().toArray();

    assertThat(draws[50_000] / 1e6).as("p50 ms").isCloseTo(250, within(7.5));
    assertThat(draws[99_000] / 1e6).as("p99 ms").isCloseTo(900, within(45.0));
  }

  @Test
  void theSameSeedAndRequestDrawTheSameDelays() {
    Delay delay = Delay.logNormal(Duration.ofMillis(20), Duration.ofMillis(80));

    long first = delay.sampleNanos(Seeds.latency(42, 7));
    assertThat(delay.sampleNanos(Seeds.latency(42, 7))).isEqualTo(first);
    assertThat(delay.sampleNanos(Seeds.latency(42, 8))).isNotEqualTo(first);
  }

  @Test
  void profileDescribesBothDelays() {
    LatencyProfile profile = LatencyProfile.of(Delay.fixed(Duration.ofMillis(250)),
        Delay.uniform(Duration.ofMillis(5), Duration.ofMillis(15)));

    assertThat(profile.describe().toString())
        .isEqualTo("{ttft={kind=fixed, ms=250.0}, itl={kind=uniform, minMs=5.0, maxMs=15.0}}");
  }
}
