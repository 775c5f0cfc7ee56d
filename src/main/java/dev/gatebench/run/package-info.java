/**
 * The measured run, outside any test framework: a {@link dev.gatebench.run.Suite} (the declaration:
 * name, scenario, k6 thresholds, settings) run by {@link dev.gatebench.run.BenchRun#run} against one
 * gateway, giving a {@link dev.gatebench.run.Measurement} (the result, its file, and whether the row
 * passed). The JUnit extension and {@code cli.SuiteMain} both call it; neither repeats any of it.
 */
package dev.gatebench.run;
