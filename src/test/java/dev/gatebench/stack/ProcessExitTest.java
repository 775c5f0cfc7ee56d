package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a gateway process's end is worded: the memory limit is named only when its counter saw a kill. */
class ProcessExitTest {
  static Stream<Arguments> exits() {
    return Stream.of(
        Arguments.of(new ProcessExit(137, 1, 1L << 30), "was OOM-killed by its 1024 MiB memory limit (exit 137)"),
        Arguments.of(new ProcessExit(137, 0, 1L << 30), "exited with status 137 (killed by signal 9)"),
        Arguments.of(new ProcessExit(143, 0, 0), "exited with status 143 (killed by signal 15)"),
        Arguments.of(new ProcessExit(1, 0, 0), "exited with status 1"),
        Arguments.of(new ProcessExit(1, 2, 32L << 20),
            "exited with status 1 after its 32 MiB memory limit OOM-killed 2 of its processes"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("exits")
  void saysHowTheProcessEnded(ProcessExit exit, String words) {
    assertThat(exit.words()).as("words of %s", exit).isEqualTo(words);
  }
}
