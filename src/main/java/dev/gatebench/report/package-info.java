/**
 * What users read after the suites: {@link dev.gatebench.report.ComparisonReport} writes
 * {@code report.html} (self-contained, ECharts SVG charts) and {@code report.md} from
 * {@code RunResult}s, {@link dev.gatebench.report.AllureAttachments} attaches files to Allure, and
 * {@link dev.gatebench.report.AfterSuites} runs gate, report and attachments in one call.
 *
 * <p>Reads results and writes files; never drives load.
 */
package dev.gatebench.report;
