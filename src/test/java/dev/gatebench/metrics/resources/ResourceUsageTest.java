package dev.gatebench.metrics.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceUsageTest {
  private final ResourceUsage usage = new ResourceUsage("process tree of pid 7", 12.0, 0.4, 1.1,
      300_000_000L, 250_000_000L, 31, List.of(new ResourceSample(1.0, 0.5, 260_000_000L, 3)), "note");

  @Test
  void survivesAJsonRoundTrip() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<?, ?> back = json.readValue(json.writeValueAsString(usage.toMap()), Map.class);
    assertThat(ResourceUsage.fromMap(back)).isEqualTo(usage);
  }

  @Test
  void reportsCpuSecondsPerThousandRequests() {
    assertThat(usage.cpuSecondsPer1000Requests(3000)).contains(4.0);
    assertThat(usage.cpuSecondsPer1000Requests(0)).isEmpty();
    assertThat(usage.toMap(3000)).containsEntry("cpuSecondsPer1000Requests", 4.0);
  }

  @Test
  void addsItselfToARunWithThePerThousandFigure() {
    dev.gatebench.metrics.RunResult run = dev.gatebench.report.RunResultFixture.run("baseline", "litellm")
        .seconds(30).requestsPerSecond(10).build();
    Map<?, ?> stored = (Map<?, ?>) usage.addTo(run).environment().get(ResourceUsage.ENVIRONMENT_KEY);
    assertThat(stored.get("cpuSecondsPer1000Requests")).isEqualTo(40.0);
  }

  @Test
  void rejectsNegativeCpu() {
    assertThatThrownBy(() -> new ResourceUsage("x", -1, 0, 0, 0, 0, 0, List.of(), ""))
        .hasMessage("cpuSeconds must be >= 0 but was -1.0");
  }
}
