package dev.gatebench.load;

import java.util.List;

/**
 * When an arrival-rate executor starts iterations, on a virtual clock (nanoseconds since the
 * scenario started). Pure and single-threaded: call {@link #next()} until it returns {@link #END}.
 *
 * <p>constant-arrival-rate starts iteration {@code i} (from 0) at {@code i * timeUnit / rate},
 * the first one immediately, as k6. ramping-arrival-rate integrates the rate, linear within each
 * stage, and starts iteration {@code i} when the area under the rate reaches {@code i + 1}, as k6
 * does; so a ramp from 0 to 10/s over 10 s starts 50 iterations, the k-th at {@code sqrt(2k)} s.
 */
final class ArrivalSchedule {
  static final long END = -1;
  private static final double EPSILON = 1e-9;

  private final List<Stage> stages;
  private final double timeUnitNanos;
  private final long constantEndNanos;
  private final long constantRate;
  private long issued;
  private int stageIndex;
  private double fromRatePerNanos;
  private double stageStartNanos;
  private double doneBeforeStage;

  private ArrivalSchedule(Scenario s) {
    this.stages = s.stages();
    this.timeUnitNanos = s.timeUnit().toNanos();
    this.constantRate = s.executor() == Executor.CONSTANT_ARRIVAL_RATE ? s.rate() : 0;
    this.constantEndNanos = s.executor() == Executor.CONSTANT_ARRIVAL_RATE ? s.duration().toNanos() : 0;
    this.fromRatePerNanos = s.rate() / timeUnitNanos;
  }

  static ArrivalSchedule of(Scenario scenario) {
    if (!scenario.executor().openModel()) {
      throw new IllegalArgumentException(scenario.executor().k6Name() + " is not an arrival-rate executor");
    }
    return new ArrivalSchedule(scenario);
  }

  /** Offset of the next iteration's start in ns since the scenario started, or {@link #END}. */
  long next() {
    long at = constantRate > 0 ? nextConstant() : nextRamping();
    if (at != END) issued++;
    return at;
  }

  private long nextConstant() {
    // exact in longs: a double would round once issued * timeUnit passes 2^53 (about 2.5 h at 1000/s)
    long at = Math.multiplyExact(issued, (long) timeUnitNanos) / constantRate;
    return at < constantEndNanos ? at : END;
  }

  private long nextRamping() {
    double area = issued + 1;
    while (stageIndex < stages.size()) {
      Stage stage = stages.get(stageIndex);
      double durationNanos = stage.duration().toNanos();
      double toRatePerNanos = stage.target() / timeUnitNanos;
      double stageArea = (fromRatePerNanos + toRatePerNanos) / 2 * durationNanos;
      if (area <= doneBeforeStage + stageArea + EPSILON && stageArea > 0) {
        double inStage = timeToArea(area - doneBeforeStage, fromRatePerNanos, toRatePerNanos, durationNanos);
        return Math.round(stageStartNanos + Math.min(inStage, durationNanos));
      }
      doneBeforeStage += stageArea;
      stageStartNanos += durationNanos;
      fromRatePerNanos = toRatePerNanos;
      stageIndex++;
    }
    return END;
  }

  /** Solves {@code from*t + (to-from)/d * t^2/2 = area} for the first t >= 0. */
  private static double timeToArea(double area, double from, double to, double durationNanos) {
    double slope = (to - from) / durationNanos;
    if (Math.abs(slope) < 1e-30) return area / from;
    double discriminant = Math.max(0, from * from + 2 * slope * area);
    return (Math.sqrt(discriminant) - from) / slope;
  }
}
