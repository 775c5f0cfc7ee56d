package dev.gatebench.report;

import dev.gatebench.contention.HeadOfLineResult;
import dev.gatebench.contention.LatencyFigures;
import dev.gatebench.contention.PayloadResult;
import dev.gatebench.contention.PayloadStep;
import dev.gatebench.contention.Prompts;
import dev.gatebench.contention.SoakResult;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The "Head-of-line blocking", "Payload size" and "Memory over time" sections: per row, the latest run
 * that recorded each in its environment, Direct first. Each is empty without such runs.
 */
final class ContentionSections {
  private ContentionSections() {}

  static List<SectionTable> tables(List<RunResult> results) {
    return List.of(headOfLine(results), payload(results), soak(results));
  }

  static SectionTable headOfLine(List<RunResult> results) {
    List<String[]> rows = new ArrayList<>();
    latest(results, HeadOfLineResult.ENVIRONMENT_KEY).forEach(run -> HeadOfLineResult.recorded(run.environment())
        .ifPresent(r -> rows.add(new String[] {run.target(), triple(r.alone()), triple(r.contended()),
            Format.signedMs(r.addedRise().p50Ms()), Format.signedMs(r.addedRise().p95Ms()),
            Format.signedMs(r.addedRise().p99Ms()), r.longStreams().requests() + " (" + r.longStreamCount() + " at once)",
            errors(r.alone(), r.contended(), r.longStreams()), r.passed() ? "passed" : "failed"})));
    return new SectionTable("Head-of-line blocking", "Short requests at a constant rate, alone and while long streams "
        + "(large prompts, long answers) run beside them; ms from each request's intended start. Added rise = the "
        + "row's rise minus Direct's in the same run.", new String[] {"gateway", "alone p50/p95/p99",
            "beside long p50/p95/p99", "added p50", "added p95", "added p99", "long streams", "errors", "checks"}, rows);
  }

  static SectionTable payload(List<RunResult> results) {
    List<String[]> rows = new ArrayList<>();
    latest(results, PayloadResult.ENVIRONMENT_KEY).forEach(run -> PayloadResult.recorded(run.environment())
        .ifPresent(steps -> steps.forEach(s -> rows.add(new String[] {run.target(), Prompts.label(s.promptTokens()),
            Format.ms(s.figures().p50Ms()), Format.ms(s.figures().p99Ms()), Format.signedMs(s.overheadP50Ms()),
            Format.signedMs(s.overheadP99Ms()), s.figures().failed() + " / " + s.figures().requests(),
            s.passed() ? "passed" : s.note()}))));
    return new SectionTable("Payload size", "Prompts of about 1k, 10k and 100k tokens at the same rate, short answers; "
        + "overhead = the row's p50 and p99 minus Direct's at the same size. A size a gateway refuses (its body limit) "
        + "shows its errors.", new String[] {"gateway", "prompt tokens", "p50", "p99", "overhead p50", "overhead p99",
            "failed / requests", "checks"}, rows);
  }

  static SectionTable soak(List<RunResult> results) {
    List<String[]> rows = new ArrayList<>();
    latest(results, SoakResult.ENVIRONMENT_KEY).forEach(run -> SoakResult.recorded(run.environment())
        .ifPresent(r -> rows.add(new String[] {run.target(), number(r.rssSlopeMiBPer10Min(), 1),
            number(r.rssMaxMiB(), 1), number(r.fdSlopePer10Min(), 0), r.fdMax() < 0 ? Format.NA : Long.toString(r.fdMax()),
            r.requests().failed() + " / " + r.requests().requests(), r.probe(), r.passed() ? "passed" : "failed"})));
    return new SectionTable("Memory over time", "A soak at a fixed rate with the mock failing part of the requests; "
        + "least-squares slopes over the samples after the warm-up, per 10 minutes.", new String[] {"gateway",
            "memory MiB / 10 min", "memory max MiB", "fds / 10 min", "fds max", "failed / requests", "measured",
            "checks"}, rows);
  }

  private static List<RunResult> latest(List<RunResult> results, String key) {
    Map<String, RunResult> byTarget = new LinkedHashMap<>();
    results.stream().filter(r -> r.environment().containsKey(key)).forEach(r -> byTarget.merge(r.target(), r,
        (a, b) -> b.startedAt().isAfter(a.startedAt()) ? b : a));
    return byTarget.values().stream().sorted(ReportRows.targetOrder()).toList();
  }

  private static String triple(LatencyFigures f) {
    return String.join(" / ", List.of(f.p50Ms(), f.p95Ms(), f.p99Ms()).stream().map(Format::ms).toList());
  }

  private static String errors(LatencyFigures... loads) {
    long failed = 0;
    long requests = 0;
    for (LatencyFigures f : loads) {
      failed += f.failed();
      requests += f.requests();
    }
    return failed + " / " + requests;
  }

  private static String number(double value, int decimals) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : Format.NA;
  }

  static String render(List<RunResult> results, Function<SectionTable, String> format) {
    return tables(results).stream().map(format).reduce("", String::concat);
  }
}
