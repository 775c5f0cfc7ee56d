package dev.gatebench.config;

/** What a gateway row's failed check does: {@code gatebench.checks}. */
public enum CheckMode {
  /** A failed check fails the row (the default). */
  ENFORCE,
  /** A failed check is recorded in the result, the report and Allure; the row does not fail for it. */
  REPORT
}
