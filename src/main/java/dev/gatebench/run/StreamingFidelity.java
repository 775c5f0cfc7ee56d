package dev.gatebench.run;

import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.streaming.MockStreams;
import dev.gatebench.streaming.StreamingAssessment;
import dev.gatebench.upstream.MockUpstream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Whole answers as {@code <suite>-off}, then streamed as {@code <suite>}, judged against the mock. */
final class StreamingFidelity extends RowPlan {
  static final String CHECK = "streams faithfully, ITL p50 near the mock's, deltas and usage as sent";
  private final Scenario scenario;

  StreamingFidelity(Scenario scenario) {
    this.scenario = scenario;
  }

  @Override
  Optional<String> cannotRun(Optional<MockUpstream> mock) {
    return mock.isPresent() ? Optional.empty() : Optional.of("streaming fidelity is judged against the mock's "
        + "counters; run with gatebench.upstream=mock");
  }

  @Override
  RowResult run(RowRun row) {
    Scenario scaled = scenario.scaled(row.settings().timeScale());
    Measurement plain = row.keep(row.observed(row.suite() + "-off", scaled, false), Map.of());
    if (plain.result().abortedBy().isPresent()) return new RowResult(List.of(plain), Optional.empty());
    RunResult streamed = row.observed(row.suite(), scaled, true);
    MockUpstream mock = row.mock().orElseThrow();
    // read right after the load: the mock's counters hold this run's figures until the next reset
    StreamingAssessment assessment = StreamingAssessment.judge(streamed, MockStreams.of(mock.latency(), mock.counters()));
    Measurement judged = row.keep(streamed, Map.of(StreamingAssessment.ENVIRONMENT_KEY, assessment.toMap()));
    return row.judged(CHECK, List.of(plain, judged), assessment.failures());
  }
}
