package dev.gatebench.run;

import dev.gatebench.contention.HeadOfLine;
import dev.gatebench.contention.HeadOfLinePlan;
import dev.gatebench.contention.HeadOfLineResult;
import dev.gatebench.contention.Prompts;
import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Short requests alone, then beside long streams, against Direct's rise; Direct runs first. */
final class HeadOfLineRun extends RowPlan {
  static final String CHECK = "short requests beside long streams rise no more than the bound over Direct's rise";

  /** Direct's result, the reference of every other row. */
  static final class Reference extends DirectReference<HeadOfLineResult> {
    Reference() {
      super("head-of-line compares each row's rise with the direct row's");
    }
  }

  private final HeadOfLinePlan plan;

  HeadOfLineRun(HeadOfLinePlan plan) {
    this.plan = plan;
  }

  @Override
  RowResult run(RowRun row) {
    HeadOfLinePlan scaled = plan.scaled(row.settings().timeScale());
    HeadOfLine measure = new HeadOfLine(scaled);
    Reference direct = row.shared(Reference.class, Reference::new);
    Optional<HeadOfLineResult> reference = direct.forRow(row);
    HeadOfLine.Loads loads = loads(row, scaled);
    Measurement alone = row.keep(measure.alone(loads), Map.of());
    if (alone.result().abortedBy().isPresent()) return new RowResult(List.of(alone), Optional.empty());
    HeadOfLine.Outcome outcome = measure.beside(alone.result(), loads, reference);
    direct.keepIfDirect(row, outcome.result());
    Measurement contended = row.keep(outcome.contended(),
        Map.of(HeadOfLineResult.ENVIRONMENT_KEY, outcome.result().toMap()));
    List<String> failures = new ArrayList<>(outcome.result().failures());
    outcome.longStreams().abortedBy().ifPresent(why -> failures.add("the long streams ended early: " + why));
    return row.judged(CHECK, List.of(alone, contended), failures);
  }

  private static HeadOfLine.Loads loads(RowRun row, HeadOfLinePlan scaled) {
    ChatRequestFactory shortRequests = row.requests(scaled.shortTokens(), false, ChatRequestFactory.DEFAULT_PROMPTS);
    ChatRequestFactory longRequests = row.requests(scaled.longTokens(), true,
        List.of(Prompts.ofTokens(scaled.longPromptTokens())));
    return new HeadOfLine.Loads() {
      @Override
      public RunResult shortRequests(Scenario scenario, boolean contended) {
        return row.observed(row.suite() + (contended ? "" : "-alone"), scenario, shortRequests);
      }

      @Override
      public RunResult longStreams(Scenario scenario) {
        return row.beside(row.suite() + "-long", scenario, longRequests);
      }
    };
  }
}
