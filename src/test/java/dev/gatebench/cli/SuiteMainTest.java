package dev.gatebench.cli;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.load.Scenario;
import dev.gatebench.run.Suite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line runs a suite class's declaration through the same measured run as JUnit does. */
class SuiteMainTest {
  @TempDir Path dir;

  /** Three requests against Direct; the latency threshold cannot hold (no request takes under 0 ms). */
  @Tag("tinycli")
  static class Crossing {
    static final Suite SUITE = Suite.of(Scenario.perVuIterations(1, 3))
        .threshold(ERROR_RATE, "rate<0.1")
        .threshold(CHAT_COMPLETION_LATENCY, "p(95)<0");
  }

  @Test
  void runsTheDeclaredSuiteOverEveryRowWritesItsResultAndFailsTheRowThatCrossesAThreshold() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    BenchConfig config = BenchConfig.of(Map.of("gatebench.stack", "processes", "gatebench.gateways", "direct",
        "gatebench.resultsDir", dir.toString(), "gatebench.mock.ttft", "1ms", "gatebench.mock.itl", "0ms"),
        Map.of(), Map.of());

    int code = SuiteMain.run(new String[] {Crossing.class.getName()}, () -> config,
        new PrintStream(console, true, StandardCharsets.UTF_8));

    String out = console.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code; console: %s", out).isEqualTo(1);
    assertThat(out).as("the row's line").contains("FAILED tinycli — Direct (mock upstream): thresholds on metrics "
        + "'chat_completion_latency' have been crossed: chat_completion_latency p(95)<0 measured ");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("result files").anyMatch(n -> n.matches("tinycli-direct-.*\\.json"));
    }
  }

  @Test
  void aClassWithoutADeclarationIsAUsageErrorNamingTheFix() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    int code = SuiteMain.run(new String[] {String.class.getName()}, () -> BenchConfig.of(Map.of(), Map.of(), Map.of()),
        new PrintStream(console, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("gatebench: java.lang.String must declare "
        + "exactly one static Suite field but declares 0; e.g. static final Suite SUITE = ");
  }
}
