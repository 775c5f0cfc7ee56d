package dev.gatebench.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/lib/wire_stats.py, the benchmark's loopback referee, on a capture whose answers are known. */
class WireStatsTest {
  private static final int MOCK_PORT = 18080;

  @Test
  void timesLateSendsAndDeliveredLatencyAgainstAnEvenSchedule(@TempDir Path dir) throws Exception {
    // 200 requests due every millisecond over 10 connections (one request at a time on each, as
    // HTTP/1.1 without pipelining); a 4 ms stall of the generator sends the ones due at 100..104 ms
    // together at 104 ms; every answer leaves the mock 5 ms after its request arrived
    List<String> lines = new ArrayList<>();
    double origin = 1000.0;
    for (int i = 0; i < 200; i++) {
      double sent = i >= 100 && i <= 104 ? origin + 0.104 + (i - 100) * 1e-6 : origin + i * 0.001;
      int client = 40000 + i % 10;
      lines.add(packet(sent, client, MOCK_PORT, 300));
      lines.add(packet(sent + 0.00001, MOCK_PORT, client, 0)); // a bare ACK: not data
      lines.add(packet(sent + 0.005, MOCK_PORT, client, 1093));
    }
    lines.sort(null);
    Path capture = dir.resolve("wire.txt");
    Files.write(capture, lines, StandardCharsets.UTF_8);

    double[] f = run(capture, "1000", "200");

    assertThat(f).hasSize(8);
    assertThat(f[0]).as("send lag p50").isCloseTo(0, within(0.01));
    assertThat(f[1]).as("send lag p99: the stall's lags are 4, 3, 2, 1, 0 ms").isCloseTo(3, within(0.01));
    assertThat(f[2]).as("answer p50").isCloseTo(5, within(0.01));
    assertThat(f[3]).as("answer p99").isCloseTo(5, within(0.01));
    assertThat(f[4]).as("delivered p50").isCloseTo(5, within(0.01));
    assertThat(f[6]).as("delivered p99: late send plus answer").isCloseTo(8, within(0.01));
    assertThat(f[7]).as("requests").isEqualTo(200);
  }

  @Test
  void theMeasuredRunIsItsLastRequestsSentThoughTheCaptureEndedBeforeTheirAnswers(@TempDir Path dir)
      throws Exception {
    // a warm-up of 50 requests, 30 ms of quiet, then the measured run's 200, every request on time
    // and answered in 5 ms; the capture ends 2.5 ms after the last send: the last 3 answers are not in it
    List<String> lines = new ArrayList<>();
    double warmUp = 1000.0;
    double measured = warmUp + 0.080;
    for (int i = 0; i < 250; i++) {
      double sent = i < 50 ? warmUp + i * 0.001 : measured + (i - 50) * 0.001;
      int client = 40000 + i % 10;
      lines.add(packet(sent, client, MOCK_PORT, 300));
      if (sent + 0.005 <= measured + 0.199 + 0.0025) lines.add(packet(sent + 0.005, MOCK_PORT, client, 1093));
    }
    lines.sort(null);
    Path capture = dir.resolve("wire.txt");
    Files.write(capture, lines, StandardCharsets.UTF_8);

    double[] f = run(capture, "1000", "200");

    assertThat(f[1]).as("send lag p99: no warm-up request taken for the run's").isCloseTo(0, within(0.01));
    assertThat(f[6]).as("delivered p99, over the answered").isCloseTo(5, within(0.01));
    assertThat(f[7]).as("requests").isEqualTo(200);
  }

  private static String packet(double seconds, int from, int to, int length) {
    String flags = length == 0 ? "[.]" : "[P.]";
    return String.format(Locale.ROOT, "%.6f IP 127.0.0.1.%d > 127.0.0.1.%d: Flags %s, seq 1:2, ack 1, win 512, length %d",
        seconds, from, to, flags, length);
  }

  private static double[] run(Path capture, String rate, String requests) throws Exception {
    return PythonScript.run("scripts/lib/wire_stats.py", capture.toString(), String.valueOf(MOCK_PORT), rate, requests)
        .numbers();
  }
}
