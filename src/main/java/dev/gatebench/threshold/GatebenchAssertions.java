package dev.gatebench.threshold;

import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;

/**
 * Entry point for AssertJ assertions on runs; extends {@link Assertions} so that one static import
 * serves both: {@code assertThat(result).metric(ERROR_RATE).rate().isLessThan(0.10)}.
 */
public class GatebenchAssertions extends Assertions {
  protected GatebenchAssertions() {}

  public static RunResultAssert assertThat(RunResult actual) {
    return new RunResultAssert(actual, null);
  }

  /** Assertions on a result file; failure messages name the file. */
  public static RunResultAssert assertThatResultFile(Path file) {
    return new RunResultAssert(RunResultJson.read(file), file);
  }
}
