package dev.gatebench.report;

import dev.gatebench.metrics.RunResult;
import java.util.List;

/**
 * Sections that follow the per-suite tables: Streaming, Capacity, Head-of-line blocking, Payload size, Memory
 * over time, Errors and retries, Key floods, each present only with its results.
 */
final class ReportSections {
  private ReportSections() {}

  static String markdown(List<RunResult> results) {
    return StreamingSection.markdown(results) + CapacitySection.markdown(results)
        + ContentionSections.render(results, SectionTable::markdown) + FaultsSection.markdown(results);
  }

  /** {@code page} with the sections' HTML inserted before its end, after the chart library has loaded. */
  static String addTo(String page, List<RunResult> results) {
    String sections = StreamingSection.html(results) + CapacitySection.html(results)
        + ContentionSections.render(results, SectionTable::html) + FaultsSection.html(results);
    int end = page.lastIndexOf("</body>");
    return sections.isEmpty() || end < 0 ? page : page.substring(0, end) + sections + page.substring(end);
  }
}
