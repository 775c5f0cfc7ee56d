package dev.gatebench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link Scenario} as k6 scenario options, durations as k6 strings. */
final class K6Options {
  private K6Options() {}

  static Map<String, Object> of(Scenario s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("executor", s.executor().k6Name());
    switch (s.executor()) {
      case PER_VU_ITERATIONS, SHARED_ITERATIONS -> {
        out.put("vus", s.vus());
        out.put("iterations", s.iterations());
        out.put("maxDuration", Durations.format(s.maxDuration()));
      }
      case CONSTANT_VUS -> {
        out.put("vus", s.vus());
        out.put("duration", Durations.format(s.duration()));
      }
      case RAMPING_VUS -> {
        out.put("startVUs", s.vus());
        out.put("stages", stages(s.stages()));
        out.put("gracefulRampDown", Durations.format(s.gracefulRampDown()));
      }
      case CONSTANT_ARRIVAL_RATE -> {
        putRate(out, "rate", s);
        out.put("duration", Durations.format(s.duration()));
      }
      case RAMPING_ARRIVAL_RATE -> {
        putRate(out, "startRate", s);
        out.put("stages", stages(s.stages()));
      }
    }
    out.put("gracefulStop", Durations.format(s.gracefulStop()));
    out.put("thinkTime", Durations.format(s.thinkTime()));
    out.put("timeScale", s.timeScale());
    return out;
  }

  private static void putRate(Map<String, Object> out, String name, Scenario s) {
    out.put(name, s.rate());
    out.put("timeUnit", Durations.format(s.timeUnit()));
    out.put("preAllocatedVUs", s.preAllocatedVus());
    out.put("maxVUs", s.maxVus());
  }

  private static List<Map<String, Object>> stages(List<Stage> stages) {
    return stages.stream()
        .map(K6Options::stage)
        .toList();
  }

  private static Map<String, Object> stage(Stage stage) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("duration", Durations.format(stage.duration()));
    out.put("target", stage.target());
    return out;
  }
}
