package dev.gatebench.metrics.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the few /proc files the samplers need. The root is a parameter so tests can point it at a
 * fake tree. Stateless and thread-safe; every method tolerates processes exiting mid-read.
 */
final class ProcFs {
  /** USER_HZ on every mainstream Linux build; {@code getconf CLK_TCK} is asked first. */
  static final long DEFAULT_CLOCK_TICKS_PER_SECOND = 100;

  private final Path root;
  private final long clockTicksPerSecond;

  ProcFs(Path root, long clockTicksPerSecond) {
    if (clockTicksPerSecond < 1) {
      throw new IllegalArgumentException("clockTicksPerSecond must be >= 1 but was " + clockTicksPerSecond);
    }
    this.root = root;
    this.clockTicksPerSecond = clockTicksPerSecond;
  }

  /** The real /proc of this machine. */
  static ProcFs system() {
    return new ProcFs(Path.of("/proc"), SystemFacts.clockTicksPerSecond());
  }

  long clockTicksPerSecond() {
    return clockTicksPerSecond;
  }

  /** One process's cumulative CPU (utime + stime, clock ticks) and parent, or empty if it is gone. */
  Optional<ProcStat> stat(long pid) {
    return readString(root.resolve(Long.toString(pid)).resolve("stat")).map(ProcStat::parse);
  }

  /** Resident set size in bytes from {@code VmRSS} of /proc/<pid>/status; empty if gone or a kernel thread. */
  Optional<Long> rssBytes(long pid) {
    return readString(root.resolve(Long.toString(pid)).resolve("status")).flatMap(ProcFs::vmRssBytes);
  }

  /** The process and every live descendant, root first; empty if the root is gone. */
  List<Long> tree(long rootPid) {
    Map<Long, List<Long>> children = childrenByParent();
    if (stat(rootPid).isEmpty()) return List.of();
    List<Long> out = new ArrayList<>();
    Deque<Long> todo = new ArrayDeque<>(List.of(rootPid));
    while (!todo.isEmpty()) {
      long pid = todo.poll();
      out.add(pid);
      todo.addAll(children.getOrDefault(pid, List.of()));
    }
    return out;
  }

  /** Cumulative ticks by pid and summed RSS of a process tree, read as close together as we can. */
  TreeReading readTree(long rootPid, long nanoTime) {
    Map<Long, Long> ticks = new LinkedHashMap<>();
    long rss = 0;
    for (long pid : tree(rootPid)) {
      Optional<ProcStat> stat = stat(pid);
      if (stat.isEmpty()) continue;
      ticks.put(pid, stat.get().cpuTicks());
      rss += rssBytes(pid).orElse(0L);
    }
    return new TreeReading(nanoTime, ticks, rss);
  }

  private Map<Long, List<Long>> childrenByParent() {
    Map<Long, List<Long>> children = new HashMap<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, p -> isNumeric(p.getFileName().toString()))) {
      for (Path dir : dirs) {
        long pid = Long.parseLong(dir.getFileName().toString());
        stat(pid).ifPresent(s -> children.computeIfAbsent(s.parentPid(), k -> new ArrayList<>()).add(pid));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + " to find child processes", e);
    }
    return children;
  }

  static Optional<Long> vmRssBytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        return Optional.of(Long.parseLong(parts[0]) * 1024);
      }
    }
    return Optional.empty();
  }

  private static boolean isNumeric(String name) {
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }

  private static Optional<String> readString(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      // NoSuchFile, ESRCH and friends: the process exited between listing and reading.
      return Optional.empty();
    }
  }

  /** The fields of /proc/<pid>/stat that matter here. */
  record ProcStat(long pid, long parentPid, long cpuTicks) {
    /** Parses after the last ')' because the command name may contain spaces and parentheses. */
    static ProcStat parse(String line) {
      int open = line.indexOf('(');
      int close = line.lastIndexOf(')');
      if (open < 0 || close < open) throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
      long pid = Long.parseLong(line.substring(0, open).trim());
      String[] f = line.substring(close + 1).trim().split("\\s+");
      // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
      long utime = Long.parseLong(f[11]);
      long stime = Long.parseLong(f[12]);
      return new ProcStat(pid, Long.parseLong(f[1]), utime + stime);
    }
  }
}
