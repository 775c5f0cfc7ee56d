package dev.gatebench.gateway;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import java.util.function.Consumer;

/**
 * CPU and memory caps for a gateway container, as the original suite's
 * {@code deploy.resources.limits} (2 CPUs, 1 GB), applied to the container's HostConfig.
 *
 * @param nanoCpus CPU quota in billionths of a CPU, &gt; 0; e.g. 2_000_000_000 for 2 CPUs
 * @param memoryBytes memory cap in bytes, &gt;= 6 MiB (Docker's minimum); e.g. 1 GiB
 */
public record ResourceLimit(long nanoCpus, long memoryBytes) implements Consumer<CreateContainerCmd> {
  /** The original suite's limit for each gateway: 2 CPUs, 1 GiB. */
  public static final ResourceLimit GATEWAY = new ResourceLimit(2_000_000_000L, 1L << 30);

  public ResourceLimit {
    if (nanoCpus <= 0) throw new IllegalArgumentException("nanoCpus must be > 0 but was " + nanoCpus);
    if (memoryBytes < 6L << 20) {
      throw new IllegalArgumentException("memoryBytes must be >= 6 MiB but was " + memoryBytes);
    }
  }

  @Override
  public void accept(CreateContainerCmd cmd) {
    HostConfig host = cmd.getHostConfig() == null ? new HostConfig() : cmd.getHostConfig();
    // memory-swap equal to memory: no swap beyond the cap, as compose's limit behaves
    cmd.withHostConfig(host.withNanoCPUs(nanoCpus).withMemory(memoryBytes).withMemorySwap(memoryBytes));
  }

  /** For results: {@code 2 CPUs, 1024 MiB}. */
  public String describe() {
    return (nanoCpus / 1e9) + " CPUs, " + (memoryBytes >> 20) + " MiB";
  }
}
