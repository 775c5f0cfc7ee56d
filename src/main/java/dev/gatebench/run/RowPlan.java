package dev.gatebench.run;

import dev.gatebench.contention.HeadOfLinePlan;
import dev.gatebench.contention.PayloadPlan;
import dev.gatebench.contention.SoakPlan;
import dev.gatebench.faults.FaultCase;
import dev.gatebench.faults.KeyFlood;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.Scenario;
import dev.gatebench.upstream.MockUpstream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Suite} runs one gateway row: which runs, streamed or not, and what is checked beyond
 * the declared thresholds. Every plan writes each run it keeps as {@code <name>-<gateway>-<timestamp>.json}
 * and hands back one {@link RowResult}; {@link BenchRun} has checked the gateway with one chat completion
 * before. Immutable.
 */
public abstract sealed class RowPlan permits OneRun, StreamingFidelity, CapacitySweep, HeadOfLineRun,
    PayloadRun, SoakRun, FaultCasesRun, KeyFloodRun {
  RowPlan() {}

  /**
   * One run of {@code scenario}, scaled by {@code gatebench.timeScale}, streamed as {@code gatebench.stream}
   * says: the plan of {@code Suite.of(scenario)}.
   */
  public static RowPlan once(Scenario scenario) {
    return new OneRun(Objects.requireNonNull(scenario, "scenario"));
  }

  /**
   * {@code scenario} (scaled) with whole answers as {@code <suite>-off}, then with {@code stream: true} as
   * {@code <suite>}; the streamed run is judged against what the mock sent ({@code environment.streaming})
   * and the row checked to stream faithfully (see {@code streaming.StreamingAssessment}). Needs the mock.
   */
  public static RowPlan plainThenStreamed(Scenario scenario) {
    return new StreamingFidelity(Objects.requireNonNull(scenario, "scenario"));
  }

  /**
   * Constant-arrival-rate sweeps, whole answers then streamed, from {@code gatebench.capacity.*}; each
   * step of a gateway compared with the Direct row's at the same rate, so Direct runs first. One result
   * per row, its first judged step, with the sweeps in {@code environment.capacity}; the row checked to
   * hold the bound up to {@code gatebench.capacity.requiredRate} (see {@code capacity.CapacitySweeper}).
   */
  public static RowPlan capacitySweep() {
    return new CapacitySweep();
  }

  /**
   * Short requests alone ({@code <suite>-alone}), then beside long streams ({@code <suite>}, with
   * {@code environment.headOfLine}); the row's rise in short-request p99 compared with Direct's, which
   * runs first (see {@code contention.HeadOfLine}).
   */
  public static RowPlan headOfLine(HeadOfLinePlan plan) {
    return new HeadOfLineRun(Objects.requireNonNull(plan, "plan"));
  }

  /**
   * One run per prompt size ({@code <suite>-1k}, {@code <suite>-10k}, ...), each size's p99 compared with
   * Direct's at that size, which runs first; the last run holds every size in {@code environment.payload}.
   */
  public static RowPlan payloadSizes(PayloadPlan plan) {
    return new PayloadRun(Objects.requireNonNull(plan, "plan"));
  }

  /**
   * A soak with the mock failing as {@code plan} says, the row's memory and descriptors sampled: their
   * least-squares slopes against the plan's bounds ({@code environment.soak}). Needs the mock.
   */
  public static RowPlan soak(SoakPlan plan) {
    return new SoakRun(Objects.requireNonNull(plan, "plan"));
  }

  /**
   * Each fault case once per row, {@code requestsPerCase} client requests each (scaled by
   * {@code gatebench.timeScale}, at least one), the fault on every upstream attempt: what the client got, the
   * upstream attempts per request, the time to the end and whether the client was told, in
   * {@code environment.errors} and the {@code faults.FaultMetrics} counters. Needs the mock.
   */
  public static RowPlan faultCases(List<FaultCase> cases, int requestsPerCase) {
    return new FaultCasesRun(cases, requestsPerCase);
  }

  /**
   * {@code valid} (scaled) alone as {@code <suite>-quiet}, then again as {@code <suite>} beside {@code flood}
   * (scaled), the same requests with invalid keys; what reached the mock in {@code environment.keyFlood} and
   * the {@code invalid_keys_upstream} counter. Needs the mock; a row without keys is skipped.
   */
  public static RowPlan keyFlood(Scenario valid, Scenario flood) {
    return new KeyFloodRun(new KeyFlood.Shape(valid, flood));
  }

  /** Why this plan cannot run against this upstream, e.g. it judges against the mock's counters; empty when it can. */
  Optional<String> cannotRun(Optional<MockUpstream> mock) {
    return Optional.empty();
  }

  /** As {@link #cannotRun(Optional)}, also for reasons of this gateway's, e.g. it has no keys. */
  Optional<String> cannotRun(Optional<MockUpstream> mock, Gateway gateway) {
    return cannotRun(mock);
  }

  /** Runs the row. */
  abstract RowResult run(RowRun row);
}
