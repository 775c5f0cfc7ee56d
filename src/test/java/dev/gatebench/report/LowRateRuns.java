package dev.gatebench.report;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.MetricsCollector;
import dev.gatebench.metrics.RequestOutcome;
import dev.gatebench.metrics.RunResult;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs shaped like {@code mvn verify -Pbaseline}: one VU, one request a second, recorded through
 * the real {@link MetricsCollector} from synthetic outcomes (log-normal latencies around a median),
 * so the result holds exactly what a suite's result would.
 */
final class LowRateRuns {
  private LowRateRuns() {}

  /**
   * @param requests one a second, e.g. 30
   * @param medianMs e.g. 260
   * @param failEvery every n-th request fails with a timeout after 2 s; 0 for none
   */
  static RunResult run(String suite, String target, int requests, double medianMs, long seed, int failEvery,
      Map<String, Object> environment) {
    SplittableRandom random = new SplittableRandom(seed);
    long start = 1_000_000_000L;
    long second = TimeUnit.SECONDS.toNanos(1);
    MetricsCollector collector = new MetricsCollector(start);
    collector.vus(1, 1);
    for (int i = 0; i < requests; i++) {
      long begin = start + i * second;
      collector.requestStarted();
      if (failEvery > 0 && i % failEvery == failEvery - 1) {
        collector.record(RequestOutcome.failed(begin, begin, begin + 2 * second / 3, 0, ErrorKind.TIMEOUT));
      } else {
        long latency = Math.round(medianMs * 1e6 * Math.exp(0.08 * gaussian(random)) + (i == 7 ? 350e6 : 0));
        long end = begin + Math.min(latency, second - 1);
        collector.record(new RequestOutcome(begin, begin, begin + latency / 2, RequestOutcome.UNSET, end, null, 100,
            200, null));
      }
      collector.closeInterval(start + (i + 1) * second);
    }
    return collector.toResult(suite, target, Instant.parse("2026-11-27T21:00:00Z"), requests * second,
        Map.of("executor", "per-vu-iterations", "vus", 1, "iterations", requests), Map.of("gatebench.timeScale", "1"),
        environment);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
