package dev.gatebench.junit;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.resources.ProcessTreeSampler;
import dev.gatebench.metrics.resources.PrometheusScraper;
import dev.gatebench.metrics.resources.ResourceUsage;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What is watched on a gateway while load runs: its process tree's CPU and memory from /proc (the
 * test JVM itself for the Direct row, which has no process of its own) and its Prometheus metrics,
 * scraped before and after. A gateway whose metrics cannot be scraped still runs; the failure is noted.
 */
final class Observation {
  private static final PrometheusScraper SCRAPER = new PrometheusScraper(Duration.ofSeconds(5));

  private final Gateway gateway;
  private final ProcessTreeSampler sampler;
  private final Map<String, Double> metricsBefore;

  private Observation(Gateway gateway, ProcessTreeSampler sampler, Map<String, Double> metricsBefore) {
    this.gateway = gateway;
    this.sampler = sampler;
    this.metricsBefore = metricsBefore;
  }

  static Observation start(Gateway gateway) {
    ProcessTreeSampler sampler;
    if (gateway.pid().isPresent()) {
      sampler = ProcessTreeSampler.create();
      sampler.start(gateway.pid().getAsLong());
    } else {
      sampler = ProcessTreeSampler.startOnThisJvm();
    }
    return new Observation(gateway, sampler, scrape(gateway.metricsUrl()).orElse(Map.of()));
  }

  /** Stops watching and returns {@code run} with resource use and metric deltas in its environment. */
  RunResult finish(RunResult run) {
    ResourceUsage usage = sampler.stop();
    long requests = run.metric(MetricNames.REQUESTS_TOTAL)
        .map(m -> m.values().getOrDefault("count", 0.0).longValue()).orElse(0L);
    RunResult withUsage = run.withEnvironment(Map.of(ResourceUsage.ENVIRONMENT_KEY, usage.toMap(requests)));
    Optional<Map<String, Double>> after = scrape(gateway.metricsUrl());
    return after.map(a -> PrometheusScraper.addTo(withUsage, PrometheusScraper.delta(metricsBefore, a)))
        .orElse(withUsage);
  }

  private static Optional<Map<String, Double>> scrape(Optional<URI> url) {
    if (url.isEmpty()) return Optional.empty();
    try {
      return Optional.of(SCRAPER.scrape(url.get()));
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
