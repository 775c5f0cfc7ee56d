package dev.gatebench.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Facts about the machine and JVM a run happened on, for the result's {@code environment}. */
public final class MachineInfo {
  /** Optional resource with {@code version=...}, e.g. written by a filtered build. */
  static final String VERSION_RESOURCE = "/dev/gatebench/harness.properties";
  static final String HARNESS_NAME = "gatebench";

  private MachineInfo() {}

  /**
   * Cores, memory, OS, JVM and harness version as JSON-friendly values, e.g.
   * {@code {cores=2, physicalMemoryBytes=8_000_000_000, jvmMaxHeapBytes=..., os="Linux 6.8 (amd64)",
   * jvm="Eclipse Adoptium 25+36", harnessVersion="dev"}}. Thread-safe.
   */
  public static Map<String, Object> describe() {
    Runtime runtime = Runtime.getRuntime();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("cores", runtime.availableProcessors());
    physicalMemoryBytes().ifPresent(bytes -> facts.put("physicalMemoryBytes", bytes));
    facts.put("jvmMaxHeapBytes", runtime.maxMemory());
    facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
        + " (" + System.getProperty("os.arch") + ")");
    facts.put("jvm", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
        + " " + System.getProperty("java.runtime.version"));
    facts.put("harnessVersion", harnessVersion());
    return facts;
  }

  /** The harness version: the version resource, else the jar's Implementation-Version, else {@code dev}. */
  public static String harnessVersion() {
    try (InputStream in = MachineInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in != null) {
        Properties props = new Properties();
        props.load(in);
        String version = props.getProperty("version", "").strip();
        if (!version.isEmpty() && !version.startsWith("${")) return version;
      }
    } catch (IOException e) {
      // An unreadable resource is no reason to fail a run: fall through to the next source.
    }
    String fromJar = MachineInfo.class.getPackage().getImplementationVersion();
    return fromJar == null || fromJar.isBlank() ? "dev" : fromJar;
  }

  private static java.util.OptionalLong physicalMemoryBytes() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return java.util.OptionalLong.of(os.getTotalMemorySize());
    }
    return java.util.OptionalLong.empty();
  }
}
