package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({"500ms, 500", "30s, 30000", "1m, 60000", "1m30s, 90000", "2h, 7200000", "1.5s, 1500"})
  void parsesK6Durations(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0} ms as {1}")
  @CsvSource({"500, 500ms", "30000, 30s", "90000, 1m30s", "3600000, 1h", "1500, 1500ms", "0, 0s"})
  void formatsDurationsAsK6Reads(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
  }
}
