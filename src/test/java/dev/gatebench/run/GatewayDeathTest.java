package dev.gatebench.run;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.REQUESTS_FAILED;
import static dev.gatebench.metrics.MetricNames.REQUESTS_SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Direct;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.RunningGateway;
import dev.gatebench.load.AbortSignal;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import dev.gatebench.stack.ProcessExit;
import dev.gatebench.threshold.Thresholds;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway that is a real separate process (the mock upstream in a forked JVM), killed with
 * {@code kill -9} in the middle of a constant-VU row: the row ends within seconds, says which
 * gateway died with which status and where its log is, keeps only successful requests in its
 * percentiles, and the next row runs intact.
 */
class GatewayDeathTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) ");
  private static final int WARM_UP_REQUESTS = 50;
  private static final BenchConfig CONFIG = BenchConfig.of(Map.of("TEST_MODEL", "mock-model"), Map.of(), Map.of());

  @TempDir Path dir;
  private Process forked;

  @AfterEach
  void stopForked() {
    if (forked != null) forked.destroyForcibly();
  }

  @Test
  void aGatewayKilledMidRowEndsItsRowWithItsExitStatusAndLogAndTheNextRowRunsIntact() throws Exception {
    Path log = dir.resolve("forked-gateway.log");
    Gateway gateway = forkGateway(log);
    Process process = forked;
    GatewayLiveness liveness = new GatewayLiveness(gateway, Duration.ofSeconds(3), "3s",
        p -> process.isAlive() ? Optional.empty() : Optional.of(new ProcessExit(process.exitValue(), 0, 0)));
    CompletableFuture<Long> killedAt = new CompletableFuture<>();
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    RunResult dead = Loads.run(CONFIG, "sustained", gateway, Scenario.constantVus(5, Duration.ofSeconds(30))
        .thinkTime(Duration.ofMillis(100)), Thresholds.none(), killingAfter(Duration.ofSeconds(3), killedAt, liveness),
        new PrintStream(console, true, StandardCharsets.UTF_8));
    long rowEndedNanos = System.nanoTime();
    System.out.print(console.toString(StandardCharsets.UTF_8)); // in the test's log, as a user would see it

    assertThat(rowEndedNanos - killedAt.get(5, TimeUnit.SECONDS)).as("row end after the kill, ns")
        .isLessThan(Duration.ofSeconds(10).toNanos());
    String expectedReason = "gateway Forked mock (pid " + process.pid() + ") exited with status 137 "
        + "(killed by signal 9); its log: " + log;
    assertThat(dead.abortedBy()).contains(expectedReason);
    assertThat(console.toString(StandardCharsets.UTF_8)).as("the console line")
        .containsPattern("sustained against forked aborted after \\d+\\.\\d s: " + Pattern.quote(expectedReason));
    long successes = dead.metric(REQUESTS_SUCCESS).orElseThrow().values().get("count").longValue();
    assertThat(dead.metric(REQUESTS_FAILED).orElseThrow().values().get("count")).as("requests cut or refused by the death")
        .isPositive();
    assertThat(dead.histogram(CHAT_COMPLETION_LATENCY).orElseThrow().getTotalCount())
        .as("successes only; failures: %s", dead.errorsByKind())
        .isEqualTo(successes).isPositive();
    assertThat(dead.metric(CHAT_COMPLETION_LATENCY).orElseThrow().values().get("min")).as("min ms: no refusal in it")
        .isGreaterThanOrEqualTo(20.0);
    Path file = RunResultJson.write(dead, dir);
    assertThat(RunResultJson.read(file).abortedBy()).as("the written result is marked").contains(expectedReason);
    assertThatThrownBy(() -> new Measurement(dead, file).requirePassed()).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("sustained against forked was aborted after ")
        .hasMessageContaining(expectedReason).hasMessageContaining(file.toString());

    RunResult next = nextRow();

    assertThat(next.abortedBy()).as("the next row ran its course").isEmpty();
    assertThat(next.metric(REQUESTS_FAILED).orElseThrow().values()).containsEntry("count", 0.0);
    assertThat(next.metric(REQUESTS_SUCCESS).orElseThrow().values().get("count")).isPositive();
  }

  private RunResult nextRow() {
    try (MockUpstream mock = MockUpstream.builder().latency(LatencyProfile.fixed(Duration.ofMillis(20),
        Duration.ofMillis(1))).start()) {
      Gateway direct = new RunningGateway(new Direct(), mock.baseUrl(), Map.of(), "mock", Map.of(), Optional.empty());
      return Loads.run(CONFIG, "sustained", direct, Scenario.constantVus(5, Duration.ofSeconds(2))
          .thinkTime(Duration.ofMillis(100)), Thresholds.none(), GatewayLiveness.of(direct, CONFIG), System.out);
    }
  }

  private Gateway forkGateway(Path log) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // C1 only and a serial GC: the fork is up in a second or two even on a busy machine
    forked = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"),
        "dev.gatebench.upstream.MockUpstreamMain", "--port", "0", "--ttft", "20ms", "--itl", "1ms", "--io-threads", "1")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    URI baseUrl = awaitListening(log);
    warm(baseUrl);
    // as a stack records a process it started: its handle and its log
    return TestGateway.at("forked", baseUrl).withFacts(Map.of("log_file", log.toString()))
        .running("Forked mock", forked.toHandle());
  }

  /**
   * Answered requests, five at a time, so that the fresh JVM serves at full speed before the row's
   * clock starts, even on a busy machine.
   */
  private static void warm(URI baseUrl) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/v1/chat/completions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"mock-model\",\"max_tokens\":5,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build();
    List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, WARM_UP_REQUESTS)
        .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
    assertThat(answers).as("the forked mock answers").allSatisfy(a -> assertThat(a.join().statusCode()).isEqualTo(200));
  }

  private URI awaitListening(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && forked.isAlive()) {
      Matcher m = LISTENING.matcher(Files.readString(log));
      if (m.find()) return URI.create(m.group(1));
      Thread.sleep(50);
    }
    throw new IllegalStateException("the forked mock did not start within 20 s; its output: " + Files.readString(log));
  }

  /**
   * {@code liveness}, after starting {@code kill -9} (as a user would type it) on the first tick
   * at or past {@code after} into the row: the row's own clock, whatever the machine's load.
   * {@code killedAt} completes with the {@link System#nanoTime()} of the kill.
   */
  private AbortSignal killingAfter(Duration after, CompletableFuture<Long> killedAt, AbortSignal liveness) {
    AtomicBoolean killing = new AtomicBoolean();
    return traffic -> {
      if (traffic.elapsed().compareTo(after) >= 0 && killing.compareAndSet(false, true)) {
        CompletableFuture.runAsync(() -> killedAt.complete(kill9(forked.pid())));
      }
      return liveness.reason(traffic);
    };
  }

  private static long kill9(long pid) {
    try {
      new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
      return System.nanoTime();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("kill -9 " + pid + " failed", e);
    }
  }
}
