package dev.gatebench.metrics.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerStatsSamplerTest {
  private static final String LINE = "{\"BlockIO\":\"0B / 0B\",\"CPUPerc\":\"153.27%\",\"Container\":\"b1c\","
      + "\"ID\":\"b1c\",\"MemPerc\":\"12.50%\",\"MemUsage\":\"250.5MiB / 1.944GiB\",\"Name\":\"gatebench-litellm\","
      + "\"NetIO\":\"1.2kB / 0B\",\"PIDs\":\"9\"}";

  @Test
  void parsesCpuPercentAsCoresAndMemoryUsageAsBytes() {
    DockerStatsSampler.Reading r = DockerStatsSampler.parseLine(LINE, 42);
    assertThat(r.cores()).isCloseTo(1.5327, within(1e-9));
    assertThat(r.memBytes()).isEqualTo(Math.round(250.5 * 1024 * 1024));
  }

  @Test
  void readsBinaryAndDecimalUnits() {
    assertThat(DockerStatsSampler.parseSize("512B")).isEqualTo(512);
    assertThat(DockerStatsSampler.parseSize("2KiB")).isEqualTo(2048);
    assertThat(DockerStatsSampler.parseSize("1.5GiB")).isEqualTo(1_610_612_736L);
    assertThat(DockerStatsSampler.parseSize("3MB")).isEqualTo(3_000_000);
    assertThat(DockerStatsSampler.parseSize("7kB")).isEqualTo(7_000);
  }

  @Test
  void rejectsWhatIsNotASize() {
    assertThatThrownBy(() -> DockerStatsSampler.parseSize("lots"))
        .hasMessage("not a size like '12.5MiB': 'lots'");
  }

  @Test
  void integratesCpuOverWallTime() {
    ResourceUsage usage = DockerStatsSampler.summarize("c", List.of(
        new DockerStatsSampler.Reading(0, 0.0, 100),
        new DockerStatsSampler.Reading(2_000_000_000L, 1.0, 300),
        new DockerStatsSampler.Reading(3_000_000_000L, 0.5, 200)));
    assertThat(usage.cpuSeconds()).isCloseTo(2.5, within(1e-9));
    assertThat(usage.coresMean()).isCloseTo(2.5 / 3, within(1e-9));
    assertThat(usage.rssPeakBytes()).isEqualTo(300);
    assertThat(usage.rssMeanBytes()).isEqualTo(200);
  }
}
