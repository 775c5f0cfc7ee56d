package dev.gatebench.gateway;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * CPU and memory caps for a gateway container, as the original suite's
 * {@code deploy.resources} (limits 2 CPUs, 1 GB; reservations where the compose file names them),
 * applied to the container's HostConfig.
 *
 * @param nanoCpus CPU quota in billionths of a CPU, &gt; 0; e.g. 2_000_000_000 for 2 CPUs
 * @param memoryBytes memory cap in bytes, &gt;= 6 MiB (Docker's minimum); e.g. 1 GiB
 * @param memoryReservationBytes soft limit the kernel reclaims towards under memory pressure
 *     (compose's {@code reservations.memory}), &lt;= memoryBytes; empty when the compose file names none
 */
public record ResourceLimit(long nanoCpus, long memoryBytes, OptionalLong memoryReservationBytes)
    implements Consumer<CreateContainerCmd> {
  /** The original suite's limit for each gateway: 2 CPUs, 1 GiB, no reservation. */
  public static final ResourceLimit GATEWAY = new ResourceLimit(2_000_000_000L, 1L << 30);

  public ResourceLimit {
    if (nanoCpus <= 0) throw new IllegalArgumentException("nanoCpus must be > 0 but was " + nanoCpus);
    if (memoryBytes < 6L << 20) {
      throw new IllegalArgumentException("memoryBytes must be >= 6 MiB but was " + memoryBytes);
    }
    if (memoryReservationBytes.isPresent() && (memoryReservationBytes.getAsLong() <= 0
        || memoryReservationBytes.getAsLong() > memoryBytes)) {
      throw new IllegalArgumentException("memoryReservationBytes must be in (0, memoryBytes=" + memoryBytes
          + "] but was " + memoryReservationBytes.getAsLong());
    }
  }

  public ResourceLimit(long nanoCpus, long memoryBytes) {
    this(nanoCpus, memoryBytes, OptionalLong.empty());
  }

  @Override
  public void accept(CreateContainerCmd cmd) {
    HostConfig host = cmd.getHostConfig() == null ? new HostConfig() : cmd.getHostConfig();
    // memory-swap equal to memory: no swap beyond the cap, as compose's limit behaves
    host.withNanoCPUs(nanoCpus).withMemory(memoryBytes).withMemorySwap(memoryBytes);
    memoryReservationBytes.ifPresent(host::withMemoryReservation);
    cmd.withHostConfig(host);
  }

  /** This limit with another memory cap; a reservation above it is lowered to it. */
  public ResourceLimit withMemory(long bytes) {
    return new ResourceLimit(nanoCpus, bytes, memoryReservationBytes.isPresent()
        ? OptionalLong.of(Math.min(memoryReservationBytes.getAsLong(), bytes)) : OptionalLong.empty());
  }

  /** For results: {@code 2.0 CPUs, 1024 MiB} plus the reservation when there is one. */
  public String describe() {
    return (nanoCpus / 1e9) + " CPUs, " + (memoryBytes >> 20) + " MiB"
        + (memoryReservationBytes.isPresent() ? ", " + (memoryReservationBytes.getAsLong() >> 20) + " MiB reserved"
            : "");
  }
}
