package dev.gatebench.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared suites ({@link TinyBenchmark}) through the real extension, in one forked JVM as a user runs
 * them: two rows each, Direct and InferXgate (which cannot start without a binary or Docker).
 */
class DeclaredSuiteTest {
  private static final String ROWS = "::gatebench.stack=processes::gatebench.gateways=direct,inferxgate"
      + "::gatebench.timeScale=0.05::gatebench.mock.ttft=1ms::gatebench.mock.itl=0ms";
  @TempDir static Path dir;
  private static Map<String, List<String>> console;

  @BeforeAll
  static void runBothSuites() throws Exception {
    console = ConsoleRun.fork(dir, List.of(
        "declared" + ROWS + "::gatebench.resultsDir=" + dir.resolve("declared"),
        "crossing::class=Crossing" + ROWS + "::gatebench.resultsDir=" + dir.resolve("crossing")));
  }

  @Test
  void aDeclaredSuiteRunsTheAvailableRowAndSkipsTheOtherWithItsReasonThroughJUnitsCondition() throws Exception {
    assertThat(console.get("declared")).as("console of the declared suite over two rows")
        .contains("PASSED tiny — Direct (mock upstream)")
        .anyMatch(l -> l.startsWith("SKIPPED tiny — inferxgate (skipped): inferxgate skipped:")
            && l.contains("INFERXGATE_BIN"))
        .noneMatch(l -> l.startsWith("FAILED") || l.startsWith("ABORTED"));
    try (Stream<Path> files = Files.list(dir.resolve("declared"))) {
      assertThat(files.map(p -> p.getFileName().toString())).as("result files, named by the suite's tag")
          .anyMatch(n -> n.matches("tiny-direct-.+\\.json")).noneMatch(n -> n.contains("inferxgate"));
    }
  }

  @Test
  void aRowCrossingADeclaredThresholdFailsWithK6sMessageAndTheMeasuredValue() {
    assertThat(console.get("crossing")).as("console of a suite whose threshold no row meets")
        .anyMatch(l -> l.matches("FAILED tiny-crossing — Direct \\(mock upstream\\): java.lang.AssertionError: "
            + "thresholds on metrics 'chat_completion_latency' have been crossed: chat_completion_latency "
            + "p\\(95\\)<0 measured \\d+(\\.\\d+)? \\(tiny-crossing against direct\\)\\."))
        .noneMatch(l -> l.contains("max<60000 measured"))
        .anyMatch(l -> l.startsWith("SKIPPED tiny-crossing — inferxgate (skipped)"));
  }
}
