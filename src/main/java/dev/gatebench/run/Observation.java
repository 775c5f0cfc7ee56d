package dev.gatebench.run;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.resources.CgroupFiles;
import dev.gatebench.metrics.resources.ContainerSampler;
import dev.gatebench.metrics.resources.DockerStatsSampler;
import dev.gatebench.metrics.resources.ProcessTreeSampler;
import dev.gatebench.metrics.resources.PrometheusScraper;
import dev.gatebench.metrics.resources.ResourceUsage;
import dev.gatebench.stack.ContainerExit;
import dev.gatebench.stack.Stack;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What is watched on a gateway while load runs: its CPU and memory — a container's from its own
 * cgroup (or {@code docker stats} where the cgroup is not visible, as under Docker Desktop), a
 * process tree's from /proc, the test JVM itself for the Direct row — and its Prometheus metrics,
 * scraped before and after. A gateway whose metrics cannot be scraped still runs; the failure is noted.
 */
final class Observation {
  private static final PrometheusScraper SCRAPER = new PrometheusScraper(Duration.ofSeconds(5));

  private final Gateway gateway;
  private final Sampling sampling;
  private final Map<String, Double> metricsBefore;

  private Observation(Gateway gateway, Sampling sampling, Map<String, Double> metricsBefore) {
    this.gateway = gateway;
    this.sampling = sampling;
    this.metricsBefore = metricsBefore;
  }

  static Observation start(Gateway gateway) {
    return new Observation(gateway, Sampling.start(gateway), scrape(gateway.metricsUrl()).orElse(Map.of()));
  }

  /** Stops watching and returns {@code run} with resource use and metric deltas in its environment. */
  RunResult finish(RunResult run) {
    ResourceUsage usage = sampling.stop();
    long requests = run.metric(MetricNames.REQUESTS_TOTAL)
        .map(m -> m.values().getOrDefault("count", 0.0).longValue()).orElse(0L);
    Map<String, Object> environment = new LinkedHashMap<>();
    environment.put(ResourceUsage.ENVIRONMENT_KEY, usage.toMap(requests));
    sampling.containerFacts().map(this::withEnd).ifPresent(facts -> {
      environment.put(gateway.pid().isPresent() ? "memory_cgroup" : "container", facts);
      warnAboutFaults(facts);
    });
    RunResult withUsage = run.withEnvironment(environment);
    Optional<Map<String, Double>> after = scrape(gateway.metricsUrl());
    return after.map(a -> PrometheusScraper.addTo(withUsage, PrometheusScraper.delta(metricsBefore, a)))
        .orElse(withUsage);
  }

  /** A container that went away mid-run, with how it ended when its engine says ({@code ended}). */
  private Map<String, Object> withEnd(Map<String, Object> facts) {
    if (!facts.containsKey("vanished") || !(gateway.facts().get(Stack.CONTAINER_ID) instanceof String id)) return facts;
    return ContainerExit.now(id).filter(ContainerExit.Seen::ended).map(seen -> {
      Map<String, Object> withEnd = new LinkedHashMap<>(facts);
      withEnd.put("ended", "the container " + seen.words());
      return withEnd;
    }).orElse(facts);
  }

  /** An OOM kill or a vanished container changes what the numbers mean: say so where the user looks. */
  private void warnAboutFaults(Map<String, Object> facts) {
    if (facts.get("oom_kills_during_run") instanceof Long kills && kills > 0) {
      System.out.println("gatebench: " + gateway.name() + ": " + kills + " process(es) OOM-killed by its memory "
          + "limit during the run");
    }
    if (facts.containsKey("ended")) {
      System.out.println("gatebench: " + gateway.name() + ": " + facts.get("ended") + " during the run; figures "
          + "cover the time before");
    } else if (facts.containsKey("vanished")) {
      System.out.println("gatebench: " + gateway.name() + ": " + facts.get("vanished"));
    }
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

  /** One of the three samplers, chosen by what the gateway is. */
  private sealed interface Sampling {
    ResourceUsage stop();

    default Optional<Map<String, Object>> containerFacts() {
      return Optional.empty();
    }

    static Sampling start(Gateway gateway) {
      Object containerId = gateway.facts().get(Stack.CONTAINER_ID);
      if (containerId instanceof String id) {
        Optional<CgroupFiles> cgroup = CgroupFiles.ofContainer(id);
        if (cgroup.isPresent()) {
          ContainerSampler sampler = new ContainerSampler(cgroup.get(), id);
          sampler.start();
          return new Cgroup(sampler);
        }
        DockerStatsSampler stats = new DockerStatsSampler(id);
        stats.start();
        return new DockerStats(stats);
      }
      if (gateway.pid().isPresent()) {
        ProcessTreeSampler sampler = ProcessTreeSampler.create();
        sampler.start(gateway.pid().getAsLong());
        // a process confined by gatebench (its own memory cgroup) reports OOM kills by that limit
        Optional<CgroupFiles> confined = CgroupFiles.ofProcess(gateway.pid().getAsLong())
            .filter(c -> c.memoryDir().toString().contains("/gatebench"));
        return new Tree(sampler, confined, confined.map(CgroupFiles::oomKills).orElse(0L));
      }
      return new Tree(ProcessTreeSampler.startOnThisJvm(), Optional.empty(), 0);
    }
  }

  private record Tree(ProcessTreeSampler sampler, Optional<CgroupFiles> cgroup, long oomKillsAtStart)
      implements Sampling {
    @Override
    public ResourceUsage stop() {
      return sampler.stop();
    }

    @Override
    public Optional<Map<String, Object>> containerFacts() {
      return cgroup.map(c -> {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("cgroup", c.describe());
        try {
          facts.put("oom_kills_during_run", c.oomKills() - oomKillsAtStart);
        } catch (RuntimeException e) {
          facts.put("vanished", "the gateway's memory cgroup went away during the run: " + e.getMessage());
        }
        return facts;
      });
    }
  }

  private record Cgroup(ContainerSampler sampler) implements Sampling {
    @Override
    public ResourceUsage stop() {
      return sampler.stop();
    }

    @Override
    public Optional<Map<String, Object>> containerFacts() {
      return Optional.of(sampler.facts());
    }
  }

  private record DockerStats(DockerStatsSampler sampler) implements Sampling {
    @Override
    public ResourceUsage stop() {
      try {
        return sampler.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while stopping docker stats sampling", e);
      }
    }
  }
}
