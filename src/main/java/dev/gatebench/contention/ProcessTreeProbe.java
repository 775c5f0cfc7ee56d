package dev.gatebench.contention;

import dev.gatebench.metrics.resources.ProcessTreeSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A process and its descendants: RSS summed as {@link ProcessTreeSampler} sums it, descriptors as the
 * entries of each {@code /proc/<pid>/fd} (readable for processes of this user). Linux only.
 */
public final class ProcessTreeProbe implements MemoryProbe {
  private static final ProcessTreeSampler PROC = ProcessTreeSampler.create();
  private final long pid;
  private final String note;

  private ProcessTreeProbe(long pid, String note) {
    this.pid = pid;
    this.note = note;
  }

  /** @param pid the row's root process, > 0 */
  public static ProcessTreeProbe of(long pid) {
    if (pid < 1) throw new IllegalArgumentException("pid must be > 0 but was " + pid);
    return new ProcessTreeProbe(pid, "process tree of pid " + pid);
  }

  /** This JVM: for the Direct row, whose mock shares it with the load generator. */
  public static ProcessTreeProbe ofThisJvm() {
    return new ProcessTreeProbe(ProcessHandle.current().pid(),
        "the test JVM as a whole: mock upstream, load generator and JUnit share it; not a gateway's cost");
  }

  @Override
  public Reading read() {
    ProcessTreeSampler.Snapshot snapshot = PROC.snapshot(pid);
    if (snapshot.processes() == 0) throw new IllegalStateException("process " + pid + " is gone");
    return new Reading(snapshot.rssBytes(), openFds(tree()));
  }

  @Override
  public String describe() {
    return note;
  }

  private LongStream tree() {
    return Stream.concat(ProcessHandle.of(pid).stream(), ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants))
        .mapToLong(ProcessHandle::pid);
  }

  /** Summed over {@code pids}; empty when one of them cannot be read (another user's, say). */
  static OptionalLong openFds(LongStream pids) {
    long total = 0;
    for (long p : pids.toArray()) {
      try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(p), "fd"))) {
        total += fds.count();
      } catch (java.nio.file.NoSuchFileException e) {
        // exited between listing and reading: it holds none
      } catch (IOException | SecurityException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(total);
  }
}
