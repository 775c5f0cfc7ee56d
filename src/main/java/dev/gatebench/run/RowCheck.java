package dev.gatebench.run;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.CheckMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A check a good gateway passes beyond the declared thresholds, e.g. that it streams faithfully.
 * {@code gatebench.checks=report} (plain {@code mvn verify}) records a gateway row's failed check in its
 * result, the report and Allure without failing the row; {@code enforce} (the default, and the
 * {@code streaming} and {@code capacity} profiles) fails it. The Direct row is always held to its checks:
 * its failure means the harness or the mock is wrong, not a gateway.
 *
 * @param name what is checked, e.g. {@code holds the bound over Direct up to the required rate}
 * @param row the row's display name, e.g. {@code LiteLLM 1.82.0}
 * @param failures one line per failed part, with the numbers; empty when the row passed
 * @param enforced whether a failure fails the row
 */
public record RowCheck(String name, String row, List<String> failures, boolean enforced) {
  /** The setting: {@code report} or {@code enforce}. */
  public static final String SETTING = "gatebench.checks";

  public RowCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(row, "row");
    failures = List.copyOf(failures);
  }

  /**
   * Whether a failed check fails the row: always for the reference row, else unless {@code gatebench.checks=report}.
   *
   * @throws dev.gatebench.config.BenchConfigException when {@code gatebench.checks} is neither value
   */
  static boolean enforced(BenchConfig settings, boolean referenceRow) {
    return referenceRow || settings.checks() != CheckMode.REPORT;
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  /** The check and, when it failed, each failure: an Allure step's name. */
  public String describe() {
    return name + (passed() ? "" : ": " + String.join("; ", failures));
  }

  /** Why the row fails, when the check failed and is enforced. */
  public Optional<String> failure() {
    return passed() || !enforced ? Optional.empty() : Optional.of(message());
  }

  /** What the console says of a failed check that is only recorded. */
  Optional<String> notice() {
    return passed() || enforced ? Optional.empty()
        : Optional.of(message() + "\n  (recorded, not failed: " + SETTING + "=report)");
  }

  private String message() {
    return row + " fails '" + name + "':\n  " + String.join("\n  ", failures);
  }
}
