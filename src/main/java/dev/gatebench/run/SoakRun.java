package dev.gatebench.run;

import dev.gatebench.contention.CgroupProbe;
import dev.gatebench.contention.JvmHeapProbe;
import dev.gatebench.contention.LatencyFigures;
import dev.gatebench.contention.MemoryProbe;
import dev.gatebench.contention.MemorySample;
import dev.gatebench.contention.MemorySampler;
import dev.gatebench.contention.ProcessTreeProbe;
import dev.gatebench.contention.Prompts;
import dev.gatebench.contention.SoakPlan;
import dev.gatebench.contention.SoakResult;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.resources.CgroupFiles;
import dev.gatebench.stack.Stack;
import dev.gatebench.upstream.MockUpstream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A soak with the mock's faults injected, the row's memory and descriptors sampled throughout. */
final class SoakRun extends RowPlan {
  static final String CHECK = "memory and open file descriptors stay within their bounds over the soak";
  private final SoakPlan plan;

  SoakRun(SoakPlan plan) {
    this.plan = plan;
  }

  @Override
  Optional<String> cannotRun(Optional<MockUpstream> mock) {
    return mock.isPresent() ? Optional.empty() : Optional.of("the soak injects the mock's faults; run with "
        + "gatebench.upstream=mock");
  }

  @Override
  RowResult run(RowRun row) {
    SoakPlan scaled = plan.scaled(row.settings().timeScale());
    MemoryProbe probe = probe(row, scaled);
    RunResult run;
    List<MemorySample> samples;
    MemorySampler sampler = new MemorySampler(probe, scaled.sampleEvery());
    try (MockUpstream.FaultScope faults = row.mock().orElseThrow().injecting(scaled.faults()); sampler) {
      sampler.start();
      run = row.observed(row.suite(), scaled.scenario(), row.requests(row.settings().maxTokens(), false,
          List.of(Prompts.ofTokens(scaled.promptTokens()))));
      samples = sampler.stop();
    }
    SoakResult soak = new SoakResult(scaled, probe.describe(), LatencyFigures.of(run), samples, sampler.gone());
    Measurement measured = row.keep(run, Map.of(SoakResult.ENVIRONMENT_KEY, soak.toMap()));
    return row.judged(CHECK, List.of(measured), soak.failures());
  }

  /** A container's cgroup, a process tree, or for Direct this JVM; a row whose memory cannot be read is skipped. */
  private static MemoryProbe probe(RowRun row, SoakPlan plan) {
    Gateway gateway = row.gateway();
    if (gateway.facts().get(Stack.CONTAINER_ID) instanceof String id) {
      return CgroupFiles.ofContainer(id).<MemoryProbe>map(cgroup -> new CgroupProbe(cgroup, id))
          .orElseThrow(() -> new RowSkippedException(gateway.name() + "'s container cgroup is not visible from here "
              + "(Docker Desktop?), so its memory over time cannot be sampled; run the soak on a Linux Docker host"
              + " or with -Dgatebench.stack=processes"));
    }
    if (gateway.pid().isPresent()) return ProcessTreeProbe.of(gateway.pid().getAsLong());
    if (row.isDirect()) {
      JvmHeapProbe.cannotRead().ifPresent(why -> {
        throw new RowSkippedException(why);
      });
      return new JvmHeapProbe(plan, row.mock().orElseThrow().counters()::totalRequests);
    }
    throw new RowSkippedException(gateway.name() + " runs outside gatebench (gatebench.stack=external), so its "
        + "memory cannot be sampled; run the soak with -Dgatebench.stack=processes or containers");
  }
}
