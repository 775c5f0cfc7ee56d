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

/**
 * scripts/lib/peer_stats.py re-timing oha's open model from its schedule: a run of 1,000 requests at
 * 1,000/s whose timer woke 0.2 ms after each tenth request's place and 0.6 ms after the others',
 * answered 5 ms after each wake-up, with a 20 ms stall of the timer at the 500th request (the 20
 * requests due then all woke at 520 ms). The schedule is laid at the earliest wake-up, 0.2 ms.
 */
class PeerStatsTest {
  private static final String READER = "scripts/lib/peer_stats.py";

  @Test
  void timesEveryRequestFromItsPlaceOnTheScheduleNotFromTheTimersWakeUp(@TempDir Path dir) throws Exception {
    Path json = ohaJson(dir, 0);
    Path db = ohaDb(dir);

    double[] printed = PythonScript.run(READER, "oha", json.toString()).numbers();
    double[] scheduled = PythonScript.run(READER, "oha", json.toString(), db.toString(), "1000").numbers();

    assertThat(printed[2]).as("oha's own p99, from its wake-ups").isEqualTo(5.0);
    assertThat(scheduled[0]).as("p50: 0.4 ms late plus the 5 ms answer").isCloseTo(5.4, within(0.001));
    // the stall's 20 requests took 5.8..24.8 ms from their places; the 990th of 1,000 is the 10th of them
    assertThat(scheduled[2]).as("p99").isCloseTo(14.8, within(0.001));
    assertThat(scheduled[3]).as("requests").isEqualTo(1000);
    assertThat(scheduled[4]).as("errors").isZero();
  }

  @Test
  void tellsHowLateTheTimerWoke(@TempDir Path dir) throws Exception {
    double[] late = PythonScript.run(READER, "oha-wakeups", ohaDb(dir).toString(), "1000").numbers();

    assertThat(late[0]).as("p50").isCloseTo(0.4, within(0.001));
    assertThat(late[1]).as("p99: the 10th shortest of the stall's 0.8..19.8 ms").isCloseTo(9.8, within(0.001));
    assertThat(late[2]).as("max").isCloseTo(19.8, within(0.001));
  }

  @Test
  void refusesToPairWakeUpsWithTheScheduleWhenRequestsWentUnanswered(@TempDir Path dir) throws Exception {
    PythonScript.Outcome outcome =
        PythonScript.run(READER, "oha", ohaJson(dir, 3).toString(), ohaDb(dir).toString(), "1000");

    assertThat(outcome.exitCode()).isNotZero();
    assertThat(outcome.output()).contains("3 of oha's requests got no answer").contains("cannot be paired");
  }

  @Test
  void refusesARateOhaDidNotRunAt(@TempDir Path dir) throws Exception {
    Path json = ohaJson(dir, 0);
    Path db = ohaDb(dir);

    PythonScript.Outcome slower = PythonScript.run(READER, "oha", json.toString(), db.toString(), "500");
    PythonScript.Outcome faster = PythonScript.run(READER, "oha", json.toString(), db.toString(), "2000");

    assertThat(slower.exitCode()).isNotZero();
    assertThat(slower.output()).contains("oha sent 1000 requests in 1.0 s, not the 500 that 500/s makes");
    assertThat(faster.exitCode()).isNotZero();
    assertThat(faster.output()).contains("oha sent 1000 requests in 1.0 s, not the 2000 that 2000/s makes");
  }

  /** oha's --output-format json for the run, as oha timed it: every answer 5 ms after the wake-up. */
  private static Path ohaJson(Path dir, int unanswered) throws Exception {
    String errors = unanswered == 0 ? "{}" : "{\"connection closed before message completed\": " + unanswered + "}";
    String text = """
        {"summary": {"successRate": 1.0, "total": 1.0, "requestsPerSec": 1000.0},
         "latencyPercentiles": {"p50": 0.005, "p95": 0.005, "p99": 0.005},
         "latencyPercentilesSuccessful": {"p50": 0.005, "p95": 0.005, "p99": 0.005},
         "statusCodeDistribution": {"200": 1000}, "errorDistribution": %s}
        """.formatted(errors);
    return Files.writeString(dir.resolve("oha.json"), text, StandardCharsets.UTF_8);
  }

  /** oha's --db-url file for the run: wake-up (start_latency_correction), start and end per request. */
  private static Path ohaDb(Path dir) throws Exception {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      double woke = i >= 500 && i < 520 ? 0.520 + (i - 500) * 1e-7 : i / 1000.0 + (i % 10 == 0 ? 0.0002 : 0.0006);
      rows.add(String.format(Locale.ROOT, "%.7f %.7f", woke, woke + 0.005));
    }
    Path text = Files.write(dir.resolve("rows.txt"), rows, StandardCharsets.UTF_8);
    Path db = dir.resolve("oha.sqlite");
    String build = """
        import sqlite3, sys
        db = sqlite3.connect(sys.argv[2])
        db.execute("CREATE TABLE oha (url TEXT NOT NULL, start REAL NOT NULL, start_latency_correction REAL, "
                   "end REAL NOT NULL, duration REAL NOT NULL, status INTEGER NOT NULL, len_bytes INTEGER NOT NULL, "
                   "run INTEGER NOT NULL)")
        for line in open(sys.argv[1]):
            woke, end = map(float, line.split())
            db.execute("INSERT INTO oha VALUES ('http://127.0.0.1/v1/chat/completions', ?, ?, ?, ?, 200, 1093, 1)",
                       (woke, woke, end, end - woke))
        db.commit()
        """;
    PythonScript.Outcome made = PythonScript.run("-c", build, text.toString(), db.toString());
    assertThat(made.exitCode()).as(made.output()).isZero();
    return db;
  }
}
