package dev.gatebench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.load.Executor;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.Stage;
import dev.gatebench.units.DurationCases;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoadMainTest {
  private static final String URL = "http://127.0.0.1:9/v1/chat/completions";

  @Test
  void readsAnArrivalRateScenarioFromK6StyleFlags() {
    LoadMain.Options options = LoadMain.Options.parse(new String[] {"--url", URL, "--executor",
        "constant-arrival-rate", "--rate=200", "--vus", "20", "--max-vus", "300", "--duration", "1m30s",
        "--header", "Authorization: Bearer sk-1", "--stream", "--quiet"});

    assertThat(options.scenario().executor()).isEqualTo(Executor.CONSTANT_ARRIVAL_RATE);
    assertThat(options.scenario().rate()).as("--rate=200").isEqualTo(200);
    assertThat(options.scenario().preAllocatedVus()).as("--vus").isEqualTo(20);
    assertThat(options.scenario().maxVus()).isEqualTo(300);
    assertThat(options.scenario().duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(options.target().headers()).containsEntry("Authorization", "Bearer sk-1");
    assertThat(options.stream()).isTrue();
    assertThat(options.quiet()).isTrue();
  }

  @Test
  void readsAClosedScenarioWithThinkTimeAndWarmup() {
    LoadMain.Options options = LoadMain.Options.parse(new String[] {"--url", URL, "--executor", "constant-vus",
        "--vus", "50", "--duration", "15s", "--think", "500ms", "--warmup", "5s"});

    assertThat(options.scenario().vus()).isEqualTo(50);
    assertThat(options.scenario().thinkTime()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.quiet()).as("progress is on unless --quiet").isFalse();
  }

  static Stream<Arguments> badFlags() {
    return Stream.of(
        Arguments.of(new String[] {"--url", URL, "--rate", "fast"},
            "--rate must be a whole number >= 1 but was 'fast'; e.g. --rate 50"),
        Arguments.of(new String[] {"--url", URL, "--duration", "30"},
            "--duration must be a duration, a number and a unit (ns, us, ms, s, m, h or d), or several as in 1m30s, "
                + "but was '30'; e.g. --duration 30s"),
        Arguments.of(new String[] {"--url", URL, "--executor", "closed"},
            "--executor: unknown executor 'closed'; valid executors are: per-vu-iterations, shared-iterations, "
                + "constant-vus, ramping-vus, constant-arrival-rate, ramping-arrival-rate"),
        Arguments.of(new String[] {"--url", URL, "--header", "no-colon"},
            "--header 'no-colon' must be 'Name: value'; e.g. --header 'Authorization: Bearer sk-1'"),
        Arguments.of(new String[] {"--rate", "5"},
            "--url is required; e.g. --url http://127.0.0.1:8080/v1/chat/completions"),
        Arguments.of(new String[] {"--url", URL, "--vus"}, "--vus needs a value; see --help for an example"));
  }

  @ParameterizedTest
  @MethodSource("badFlags")
  void rejectsABadFlagNamingItsValueAndTheFix(String[] args, String message) {
    assertThatThrownBy(() -> LoadMain.Options.parse(args)).isInstanceOf(LoadMain.UsageException.class)
        .hasMessage(message);
  }

  @Test
  void warmsAnArrivalRateRunWithItsOwnExecutorAtItsRate() {
    Scenario measured = Scenario.constantArrivalRate(1000, Duration.ofSeconds(1), Duration.ofSeconds(30))
        .preAllocatedVus(50).maxVus(2000);

    Scenario warm = LoadMain.warmUpScenario(measured, Duration.ofSeconds(15));

    assertThat(warm.executor()).isEqualTo(Executor.CONSTANT_ARRIVAL_RATE);
    assertThat(warm.rate()).isEqualTo(1000);
    assertThat(warm.duration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(warm.preAllocatedVus()).isEqualTo(50);
    assertThat(warm.maxVus()).as("no growth past the pre-allocated VUs: no burst of connections").isEqualTo(50);
  }

  @Test
  void warmsUpInThreeRunsTheLaterOfAQuarterEachAndAtMostFiveSeconds() {
    Scenario measured = Scenario.constantArrivalRate(1000, Duration.ofSeconds(1), Duration.ofSeconds(30))
        .preAllocatedVus(50).maxVus(2000);

    List<Scenario> fifteen = LoadMain.warmUpRuns(measured, Duration.ofSeconds(15));
    List<Scenario> minute = LoadMain.warmUpRuns(measured, Duration.ofMinutes(1));

    assertThat(fifteen).extracting(Scenario::duration)
        .containsExactly(Duration.ofMillis(7500), Duration.ofMillis(3750), Duration.ofMillis(3750));
    assertThat(minute).extracting(Scenario::duration)
        .containsExactly(Duration.ofSeconds(50), Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(fifteen).allSatisfy(run -> {
      assertThat(run.executor()).isEqualTo(Executor.CONSTANT_ARRIVAL_RATE);
      assertThat(run.rate()).isEqualTo(1000);
      assertThat(run.maxVus()).isEqualTo(50);
    });
  }

  @Test
  void warmsARampAtItsFirstStageAndAClosedRunWithClosedVus() {
    Scenario ramp = Scenario.rampingArrivalRate(0, Duration.ofSeconds(1), new Stage(Duration.ofSeconds(30), 200),
        new Stage(Duration.ofSeconds(30), 900));
    Scenario rampToZero = Scenario.rampingArrivalRate(0, Duration.ofSeconds(1), new Stage(Duration.ofSeconds(30), 0));

    assertThat(LoadMain.warmUpScenario(ramp, Duration.ofSeconds(5)).rate()).isEqualTo(200);
    assertThat(LoadMain.warmUpScenario(ramp, Duration.ofSeconds(5)).executor()).isEqualTo(Executor.CONSTANT_ARRIVAL_RATE);
    assertThat(LoadMain.warmUpScenario(rampToZero, Duration.ofSeconds(5)).executor()).isEqualTo(Executor.CONSTANT_VUS);
    Scenario closed = LoadMain.warmUpScenario(Scenario.constantVus(50, Duration.ofSeconds(30)), Duration.ofSeconds(5));
    assertThat(closed.executor()).isEqualTo(Executor.CONSTANT_VUS);
    assertThat(closed.vus()).isEqualTo(LoadMain.WARMUP_VUS);
    assertThat(closed.duration()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void exitsWith2AndOneErrorLineForAnUnknownFlag() {
    Output output = new Output();

    int code = LoadMain.run(new String[] {"--url", URL, "--rps", "5"}, output.out, output.err);

    assertThat(code).isEqualTo(2);
    assertThat(output.err()).startsWith("gatebench load: unknown flag '--rps'; flags are --url, --executor, --rate");
    assertThat(output.out()).isEmpty();
  }

  @Test
  void runsABoundedScenarioAgainstTheMockAndPrintsOneSummaryLine(@TempDir Path out) throws Exception {
    try (MockUpstream mock = MockUpstream.builder()
        .latency(LatencyProfile.fixed(Duration.ofMillis(5), Duration.ZERO)).outputTokens(5).ioThreads(1).start()) {
      Output output = new Output();

      int code = LoadMain.run(new String[] {"--url", mock.baseUrl() + "/v1/chat/completions", "--executor",
          "per-vu-iterations", "--vus", "2", "--iterations", "10", "--duration", "20s", "--io-threads", "1",
          "--quiet", "--out", out.toString()}, output.out, output.err);

      assertThat(code).as("stderr: %s", output.err()).isZero();
      assertThat(output.out()).matches("summary requests=20 rps=[0-9.]+ p50_ms=[0-9.]+ p95_ms=[0-9.]+ "
          + "p99_ms=[0-9.]+ max_ms=[0-9.]+ errors=0 dropped=0 result=.+\\.json\\R");
      String file = output.out().replaceAll("(?s).*result=(\\S+).*", "$1");
      assertThat(Files.readString(Path.of(file))).contains("\"chat_completion_latency\"");
    }
  }

  private static final class Output {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    String out() {
      return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return errBytes.toString(StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#valid")
  void readsEveryDurationFlagInTheOneSyntax(String text, Duration expected) {
    LoadMain.Options options = LoadMain.Options.parse(new String[] {"--url", URL, "--executor", "constant-vus",
        "--duration", text, "--think", text, "--warmup", text});

    assertThat(options.scenario().duration()).as("--duration %s", text).isEqualTo(expected);
    assertThat(options.scenario().thinkTime()).as("--think %s", text).isEqualTo(expected);
    assertThat(options.warmup()).as("--warmup %s", text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#invalid")
  void refusesADurationFlagThatIsNoDurationInTheOneMessageShape(String text) {
    Output output = new Output();

    int code = LoadMain.run(new String[] {"--url", URL, "--think", text}, output.out, output.err);

    assertThat(code).isEqualTo(2);
    assertThat(output.err()).as("the console's first line")
        .startsWith("gatebench load: --think " + DurationCases.ruleAndValue(text) + "--think 30s\n");
  }
}
