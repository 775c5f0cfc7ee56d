package dev.gatebench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.capacity.CapacityResult;
import dev.gatebench.capacity.CapacityStep;
import dev.gatebench.capacity.Sweep;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Capacity" section: per row and mode the sustainable rate at the bound and why the sweep
 * ended, then the latency against offered rate: as lines of steps in Markdown, as one chart per
 * mode in HTML (p99 against offered rate, one series per row). Empty without capacity results.
 */
final class CapacitySection {
  static final String SUITE = "capacity";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CapacitySection() {}

  static String markdown(List<RunResult> results) {
    List<RunResult> runs = runs(results);
    if (runs.isEmpty()) return "";
    StringBuilder md = new StringBuilder("\n## Capacity\n\n").append(intro(runs.get(0))).append("\n\n")
        .append("| gateway | mode | sustainable rate /s | sweep ended |\n|---|---|---:|---|\n");
    forEachSweep(runs, (run, sweep) -> md.append("| ").append(Format.cell(run.target())).append(" | ")
        .append(sweep.mode()).append(" | ").append(rate(sweep)).append(" | ").append(Format.cell(sweep.endedBecause()))
        .append(" |\n"));
    md.append("\nLatency against offered rate (offered/s: p99 ms, overhead p99 over Direct ms; * past the bound):\n\n");
    forEachSweep(runs, (run, sweep) -> md.append("- ").append(Format.cell(run.target())).append(' ')
        .append(sweep.mode()).append(": ").append(steps(sweep)).append('\n'));
    return md.toString();
  }

  static String html(List<RunResult> results) {
    List<RunResult> runs = runs(results);
    if (runs.isEmpty()) return "";
    StringBuilder h = new StringBuilder("<h2>Capacity</h2>\n<p class=\"note\">").append(Format.html(intro(runs.get(0))))
        .append("</p>\n<table>\n<tr><th>gateway</th><th>mode</th><th>sustainable rate /s</th><th>sweep ended</th></tr>\n");
    forEachSweep(runs, (run, sweep) -> h.append("<tr><td class=\"name\">").append(Format.html(run.target()))
        .append("</td><td>").append(sweep.mode()).append("</td><td>").append(rate(sweep)).append("</td><td>")
        .append(Format.html(sweep.endedBecause())).append("</td></tr>\n"));
    h.append("</table>\n");
    Map<String, List<Map<String, Object>>> series = series(runs);
    series.keySet().forEach(mode -> h.append("<div class=\"chart\" id=\"capacity-").append(mode).append("\"></div>\n"));
    return h.append("<script>").append(chartScript(series)).append("</script>\n").toString();
  }

  private static String intro(RunResult first) {
    return String.format(Locale.ROOT, "Constant arrival rates, coordinated omission corrected; the sustainable "
        + "rate is the highest offered rate whose p99 stayed within %.0f ms of Direct's at the same rate, "
        + "without errors or dropped arrivals.", CapacityResult.recordedBoundMs(first));
  }

  private static List<RunResult> runs(List<RunResult> results) {
    return results.stream().filter(r -> r.suite().equals(SUITE) && !CapacityResult.recordedSweeps(r).isEmpty())
        .sorted(ReportRows.targetOrder()).toList();
  }

  private static void forEachSweep(List<RunResult> runs, java.util.function.BiConsumer<RunResult, Sweep> action) {
    runs.forEach(run -> CapacityResult.recordedSweeps(run).forEach(sweep -> action.accept(run, sweep)));
  }

  private static String rate(Sweep sweep) {
    return sweep.sustainableRate().isPresent() ? Long.toString(sweep.sustainableRate().getAsLong()) : "none";
  }

  private static String steps(Sweep sweep) {
    List<String> parts = new ArrayList<>();
    for (CapacityStep s : sweep.steps()) {
      parts.add(s.offeredRate() + ": " + Format.ms(s.p99Ms()) + " (" + Format.signedMs(s.overheadP99Ms()) + ")"
          + (s.withinBound() ? "" : "*"));
    }
    return String.join(", ", parts);
  }

  /** Mode → one series per row: name and [offered rate, p99 ms] points. */
  private static Map<String, List<Map<String, Object>>> series(List<RunResult> runs) {
    Map<String, List<Map<String, Object>>> byMode = new LinkedHashMap<>();
    forEachSweep(runs, (run, sweep) -> {
      List<List<Double>> points = sweep.steps().stream().filter(s -> Double.isFinite(s.p99Ms()))
          .map(s -> List.of((double) s.offeredRate(), s.p99Ms())).toList();
      byMode.computeIfAbsent(sweep.mode(), m -> new ArrayList<>()).add(Map.of("name", run.target(), "points", points));
    });
    return byMode;
  }

  private static String chartScript(Map<String, List<Map<String, Object>>> series) {
    try {
      return "(function(){var s=" + JSON.writeValueAsString(series).replace("</", "<\\/") + ";Object.keys(s)"
          + ".forEach(function(m){var el=document.getElementById('capacity-'+m);if(!el||typeof echarts==='undefined')"
          + "return;echarts.init(el,null,{renderer:'svg'}).setOption({animation:false,title:{text:'capacity ('+m+'):"
          + " p99 against offered rate',textStyle:{fontSize:14}},tooltip:{trigger:'axis'},legend:{top:24},grid:{top:70,"
          + "left:60,right:30,bottom:50},xAxis:{type:'log',name:'offered requests/s',nameLocation:'middle',nameGap:28},"
          + "yAxis:{type:'log',name:'p99 ms'},series:s[m].map(function(r){return {name:r.name,type:'line',data:r.points};"
          + "})});el.setAttribute('data-rendered','true');});})();";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("capacity chart data cannot be written as JSON", e);
    }
  }
}
