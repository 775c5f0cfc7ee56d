package dev.gatebench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * How many VUs a closed-model executor wants over time, as a list of steps on a virtual clock
 * (nanoseconds since the scenario started). Pure: no real time involved. For ramping-vus each
 * stage moves one VU at a time at evenly spaced instants, like k6's execution steps: going from
 * {@code a} to {@code b} VUs over {@code d}, the i-th change happens at {@code d * i / |b - a|}.
 */
final class VuSchedule {
  /** At {@code offsetNanos} the executor wants {@code vus} VUs. */
  record Step(long offsetNanos, int vus) {}

  private final List<Step> steps;
  private final long endNanos;

  private VuSchedule(List<Step> steps, long endNanos) {
    this.steps = List.copyOf(steps);
    this.endNanos = endNanos;
  }

  static VuSchedule of(Scenario scenario) {
    long end = scenario.scheduledDuration().toNanos();
    if (scenario.executor() != Executor.RAMPING_VUS) {
      return new VuSchedule(List.of(new Step(0, scenario.vus())), end);
    }
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(0, scenario.vus()));
    int fromVus = scenario.vus();
    long stageStartNanos = 0;
    for (Stage stage : scenario.stages()) {
      addStageSteps(steps, stageStartNanos, stage.duration().toNanos(), fromVus, stage.target());
      stageStartNanos += stage.duration().toNanos();
      fromVus = stage.target();
    }
    return new VuSchedule(steps, end);
  }

  private static void addStageSteps(List<Step> steps, long startNanos, long durationNanos, int fromVus, int toVus) {
    int diff = Math.abs(toVus - fromVus);
    int sign = Integer.signum(toVus - fromVus);
    if (diff == 0) return;
    if (durationNanos == 0) {
      steps.add(new Step(startNanos, toVus));
      return;
    }
    for (int i = 1; i <= diff; i++) {
      long at = startNanos + Math.round((double) durationNanos * i / diff);
      steps.add(new Step(at, fromVus + sign * i));
    }
  }

  /** Every VU change in order; the first step is at offset 0. */
  List<Step> steps() {
    return steps;
  }

  /** VUs wanted at {@code offsetNanos}; 0 from the end of the schedule on. */
  int vusAt(long offsetNanos) {
    if (offsetNanos >= endNanos) return 0;
    int lo = 0;
    int hi = steps.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (steps.get(mid).offsetNanos() <= offsetNanos) lo = mid;
      else hi = mid - 1;
    }
    return steps.get(lo).vus();
  }

  /** When new iterations stop being started, in nanoseconds since the start. */
  long endNanos() {
    return endNanos;
  }
}
