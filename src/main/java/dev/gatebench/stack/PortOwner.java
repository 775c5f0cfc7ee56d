package dev.gatebench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port, from Linux's /proc: LiteLLM silently moves to another port
 * when its port is busy, so a readiness answer alone does not prove the answer came from it.
 */
final class PortOwner {
  private static final String LISTEN = "0A";

  private PortOwner() {}

  /**
   * Whether the socket listening on {@code port} belongs to {@code root} or one of its descendants;
   * empty where /proc cannot tell (not Linux, or no listener visible).
   */
  static Optional<Boolean> isOwnedBy(int port, ProcessHandle root) {
    Set<String> inodes = listeningInodes(port);
    if (inodes.isEmpty()) return Optional.empty();
    return Optional.of(Stream.concat(Stream.of(root), root.descendants())
        .anyMatch(p -> socketInodes(p.pid()).stream().anyMatch(inodes::contains)));
  }

  static Set<String> listeningInodes(int port) {
    Set<String> inodes = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : lines(Path.of(table))) {
        String[] f = line.strip().split("\\s+");
        if (f.length > 9 && f[1].contains(":") && LISTEN.equals(f[3])
            && Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16) == port) {
          inodes.add(f[9]);
        }
      }
    }
    return inodes;
  }

  private static Set<String> socketInodes(long pid) {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      fds.forEach(fd -> {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
        } catch (IOException ignored) {
          // the fd closed while we looked
        }
      });
    } catch (IOException ignored) {
      // the process exited or is not ours to inspect
    }
    return inodes;
  }

  private static List<String> lines(Path table) {
    try {
      return Files.readAllLines(table).stream().skip(1).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
