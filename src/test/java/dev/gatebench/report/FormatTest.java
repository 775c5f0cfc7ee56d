package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void millisecondsKeepThreeSignificantFiguresOrSo() {
    assertThat(Format.ms(1.234)).isEqualTo("1.23");
    assertThat(Format.ms(123.45)).isEqualTo("123.5");
    assertThat(Format.ms(30123.4)).isEqualTo("30123");
    assertThat(Format.ms(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void overheadsCarryTheirSign() {
    assertThat(Format.signedMs(1.5)).isEqualTo("+1.50");
    assertThat(Format.signedMs(-0.25)).isEqualTo("-0.25");
  }

  @Test
  void escapesForHtmlAndMarkdownCells() {
    assertThat(Format.html("<a href=\"x\">&")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;");
    assertThat(Format.cell("a|b\nc")).isEqualTo("a\\|b c");
    assertThat(Format.percent(OptionalDouble.of(0.1234))).isEqualTo("12.34%");
    assertThat(Format.number(OptionalDouble.empty(), 2)).isEqualTo("n/a");
  }
}
