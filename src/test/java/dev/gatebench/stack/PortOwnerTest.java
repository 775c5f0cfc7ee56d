package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Telling whose listener answers on a port: the check behind "port N taken". */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PortOwnerTest {
  @Test
  void findsTheListenerOfThisJvmAndRefusesToCreditAnotherProcess(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc");
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ManagedProcess other = ManagedProcess.start("other", List.of("sleep", "30"), Map.of(), dir,
            dir.resolve("other.log"), Duration.ofSeconds(2))) {
      int port = socket.getLocalPort();

      assertThat(PortOwner.isOwnedBy(port, ProcessHandle.current())).contains(true);
      assertThat(PortOwner.isOwnedBy(port, other.handle())).contains(false);
    }
  }

  @Test
  void cannotTellForAPortNobodyListensOn() {
    assertThat(PortOwner.isOwnedBy(Ports.free(), ProcessHandle.current())).isEmpty();
  }
}
