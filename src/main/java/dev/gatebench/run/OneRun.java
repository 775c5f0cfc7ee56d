package dev.gatebench.run;

import dev.gatebench.load.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scenario once, scaled, streamed as {@code gatebench.stream} says. */
final class OneRun extends RowPlan {
  private final Scenario scenario;

  OneRun(Scenario scenario) {
    this.scenario = scenario;
  }

  @Override
  RowResult run(RowRun row) {
    Scenario scaled = scenario.scaled(row.settings().timeScale());
    Measurement measured = row.keep(row.observed(row.suite(), scaled, Loads.streaming(row.settings())), Map.of());
    return new RowResult(List.of(measured), Optional.empty());
  }
}
