/**
 * The measured run, outside any test framework: a {@link dev.gatebench.run.Suite} (the declaration:
 * name, {@link dev.gatebench.run.RowPlan}, k6 thresholds, settings) run by
 * {@link dev.gatebench.run.BenchRun#run} against one gateway, giving a {@link dev.gatebench.run.RowResult}
 * (each run written as a {@link dev.gatebench.run.Measurement}, the plan's {@link dev.gatebench.run.RowCheck},
 * and whether the row passed). The JUnit extension and {@code cli.SuiteMain} both call it; neither
 * repeats any of it.
 */
package dev.gatebench.run;
