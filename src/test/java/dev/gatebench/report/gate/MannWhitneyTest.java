package dev.gatebench.report.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MannWhitneyTest {
  private static final double[] R_X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
  private static final double[] R_Y = {1.15, 0.88, 0.90, 0.74, 1.21};

  /** Expected values as R's wilcox.test(x, y, exact = FALSE, correct = TRUE) reports them. */
  static Stream<Arguments> knownValues() {
    return Stream.of(
        Arguments.of("R's wilcox.test example, greater", R_X, R_Y, Alternative.SLOWER, 35.0, 0.12231180),
        Arguments.of("R's wilcox.test example, two-sided", R_X, R_Y, Alternative.TWO_SIDED, 35.0, 0.24462361),
        Arguments.of("complete separation", new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10},
            Alternative.TWO_SIDED, 0.0, 0.01218578),
        Arguments.of("ties, two-sided", new double[] {1, 2, 2, 3, 3, 3, 4}, new double[] {2, 3, 4, 4, 5, 5},
            Alternative.TWO_SIDED, 8.5, 0.07826243),
        Arguments.of("ties, greater", new double[] {2, 3, 4, 4, 5, 5}, new double[] {1, 2, 2, 3, 3, 3, 4},
            Alternative.SLOWER, 33.5, 0.03913121));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("knownValues")
  void matchesKnownValues(String name, double[] current, double[] baseline, Alternative alternative,
      double expectedU, double expectedP) {
    MannWhitney.Result result = MannWhitney.test(current, baseline, alternative);
    assertThat(result.u()).as("U").isEqualTo(expectedU);
    assertThat(result.pValue()).as("p").isCloseTo(expectedP, within(1e-6));
  }

  @Test
  void aFasterCurrentIsNotSignificantlySlower() {
    MannWhitney.Result result = MannWhitney.test(new double[] {1, 2, 3}, new double[] {7, 8, 9}, Alternative.SLOWER);
    assertThat(result.pValue()).isGreaterThan(0.9);
  }

  @Test
  void identicalConstantSamplesHaveNoEvidence() {
    assertThat(MannWhitney.test(new double[] {4, 4}, new double[] {4, 4, 4}, Alternative.TWO_SIDED).pValue())
        .isEqualTo(1.0);
  }

  @Test
  void rejectsEmptyAndNanSamples() {
    assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}, Alternative.SLOWER))
        .hasMessage("current samples must not be empty");
    assertThatThrownBy(() -> MannWhitney.test(new double[] {1}, new double[] {Double.NaN}, Alternative.SLOWER))
        .hasMessage("baseline samples must not contain NaN");
  }

  @Test
  void normalTailMatchesTables() {
    assertThat(Normal.upperTail(0)).isCloseTo(0.5, within(1e-7));
    assertThat(Normal.upperTail(1.959964)).isCloseTo(0.025, within(1e-7));
    assertThat(Normal.upperTail(2.326348)).isCloseTo(0.01, within(1e-7));
    assertThat(Normal.upperTail(-1.644854)).isCloseTo(0.95, within(1e-7));
  }
}
