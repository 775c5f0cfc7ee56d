package dev.gatebench.junit;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.report.AllureAttachments;
import dev.gatebench.run.Measurement;
import dev.gatebench.run.RowCheck;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Describes one suite × gateway run in Allure: parameters, each threshold as a step, files attached. */
final class AllureRun {
  private AllureRun() {}

  static void describe(Measurement measurement, Gateway gateway, double timeScale) {
    RunResult result = measurement.result();
    Path resultFile = measurement.file();
    Allure.parameter("gateway", gateway.displayName());
    Allure.parameter("suite", result.suite());
    Allure.parameter("timeScale", timeScale);
    Allure.parameter("gateway version", gateway.version());
    result.metrics().forEach(AllureRun::thresholdSteps);
    AllureAttachments.attach(resultFile, resultFile.getFileName().toString(), "application/json");
    histogramLogs(resultFile).forEach(log -> AllureAttachments.attach(log, log.getFileName().toString(), "text/plain"));
  }

  /** A plan's check as one step, passed or failed with each failure (also a failure only recorded). */
  static void check(RowCheck check) {
    Allure.step(check.describe(), check.passed() ? Status.PASSED : Status.FAILED);
  }

  /** The gateway's own log (stdout and stderr of its process), when it has one: for runs that failed. */
  static void attachLog(Gateway gateway) {
    Object log = gateway.facts().get("log_file");
    if (log != null && Files.isRegularFile(Path.of(log.toString()))) {
      AllureAttachments.attach(Path.of(log.toString()), gateway.name() + ".log", "text/plain");
    }
  }

  private static void thresholdSteps(String metric, MetricSummary summary) {
    for (Map.Entry<String, MetricSummary.ThresholdOutcome> t : summary.thresholds().entrySet()) {
      String name = metric + " " + t.getKey() + " (measured " + t.getValue().measured() + ")";
      Allure.step(name, t.getValue().ok() ? Status.PASSED : Status.FAILED);
    }
  }

  /** The .hlog files written beside a result: {@code <result name without .json>.<metric>.hlog}. */
  private static Stream<Path> histogramLogs(Path resultFile) {
    String stem = resultFile.getFileName().toString().replaceFirst("\\.json$", "");
    try (Stream<Path> siblings = Files.list(resultFile.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith(stem + ".")
          && p.getFileName().toString().endsWith(".hlog")).sorted().toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }
}
