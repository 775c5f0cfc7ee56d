package dev.gatebench.stack;

import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity every container of one run carries as labels, so that gatebench can remove its own
 * containers at the end, on Ctrl-C, and after a crash (at the next start) without Ryuk. A run is
 * live while the JVM that started it runs: same host, same pid, same process start time.
 *
 * @param id unique per run, e.g. {@code 6f1c...}
 * @param host this machine's name, e.g. {@code ci-runner-3}
 * @param pid the JVM's process id
 * @param jvmStartMillis when that JVM started, epoch millis (a reused pid has another start time)
 */
record ContainerRun(String id, String host, long pid, long jvmStartMillis) {
  static final String GATEBENCH = "dev.gatebench";
  static final String RUN = "dev.gatebench.run";
  static final String HOST = "dev.gatebench.host";
  static final String PID = "dev.gatebench.pid";
  static final String JVM_START = "dev.gatebench.jvm-start";

  ContainerRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
  }

  static ContainerRun current() {
    ProcessHandle self = ProcessHandle.current();
    return new ContainerRun(UUID.randomUUID().toString(), hostName(), self.pid(), startMillis(self).orElse(0L));
  }

  Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(GATEBENCH, "true");
    labels.put(RUN, id);
    labels.put(HOST, host);
    labels.put(PID, Long.toString(pid));
    labels.put(JVM_START, Long.toString(jvmStartMillis));
    return labels;
  }

  /** The label filter that finds this run's containers. */
  String filter() {
    return RUN + "=" + id;
  }

  /**
   * Whether the run that labelled a container still runs. Containers of another host are taken as
   * live (gatebench cannot see that host's processes); so are containers without gatebench's labels.
   */
  static boolean isLive(Map<String, String> labels, String thisHost) {
    if (!labels.containsKey(PID) || !thisHost.equals(labels.get(HOST))) return true;
    try {
      long pid = Long.parseLong(labels.get(PID));
      long started = Long.parseLong(labels.getOrDefault(JVM_START, "0"));
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .map(p -> startMillis(p).map(s -> s == started).orElse(true)).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static Optional<Long> startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli);
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
    }
  }
}
