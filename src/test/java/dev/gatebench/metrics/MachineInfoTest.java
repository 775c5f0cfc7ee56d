package dev.gatebench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineInfoTest {
  @Test
  void describesCoresMemoryOsJvmAndHarnessVersion() {
    assertThat(MachineInfo.describe())
        .containsEntry("cores", Runtime.getRuntime().availableProcessors())
        .containsKeys("physicalMemoryBytes", "jvmMaxHeapBytes", "os", "jvm")
        .containsEntry("harnessVersion", MachineInfo.harnessVersion());
    assertThat((String) MachineInfo.describe().get("jvm")).contains(System.getProperty("java.runtime.version"));
  }

  @Test
  void harnessVersionFallsBackToDevOutsideAJar() {
    assertThat(MachineInfo.harnessVersion()).as("classes dir, no version resource").isEqualTo("dev");
  }
}
