package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The 1 GiB limit for gateway processes on cgroup v1: real groups where this host has them (as root). */
@Timeout(60)
class CgroupV1MemoryTest {
  @TempDir Path dir;

  @Test
  void findsTheMemoryGroupOfThisProcessInProcSelfCgroup() throws Exception {
    Path cgroup = Files.writeString(dir.resolve("cgroup"), "9:name=systemd:/\n4:memory:/process_api/9b91\n"
        + "2:cpu,cpuacct:/\n0::/\n");

    assertThat(CgroupV1Memory.ownGroup(cgroup)).isEqualTo("process_api/9b91");
  }

  @Test
  void saysWhyWhereThereIsNoV1MemoryController() {
    CgroupV1Memory.Result result = CgroupV1Memory.detect(dir, dir.resolve("cgroup"), "run-1");

    assertThat(result.memory()).isEmpty();
    assertThat(result.problem()).isEqualTo("no cgroup v1 memory controller at " + dir);
  }

  @Test
  void confinesAProcessToItsLimitAndRemovesTheGroupAfterwards() throws Exception {
    CgroupV1Memory memory = realOrSkip();
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    AutoCloseable group = memory.confine("sleeper", sleeper.pid(), 1L << 30);
    Path dir = memory.runDir().resolve("sleeper-" + sleeper.pid());

    assertThat(Files.readString(dir.resolve("memory.limit_in_bytes")).strip()).isEqualTo(Long.toString(1L << 30));
    assertThat(Files.readString(dir.resolve("cgroup.procs")).strip()).isEqualTo(Long.toString(sleeper.pid()));

    sleeper.destroyForcibly().waitFor();
    group.close();
    assertThat(dir).as("the gateway's group after close").doesNotExist();
    assertThat(memory.runDir()).as("the run's group, empty, after close").doesNotExist();
  }

  @Test
  void aProcessKilledByTheLimitIsCountedAsAnOomKill() throws Exception {
    CgroupV1Memory memory = realOrSkip();
    Process hog = new ProcessBuilder("perl", "-e", "sleep 1; $x = 'a' x 200_000_000; sleep 5").start();
    AutoCloseable group = memory.confine("hog", hog.pid(), 32L << 20);
    Path dir = memory.runDir().resolve("hog-" + hog.pid());

    assertThat(hog.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(hog.exitValue()).as("exit of a SIGKILLed process").isEqualTo(137);
    assertThat(CgroupV1Memory.oomKills(dir)).isEqualTo(1);
    group.close();
  }

  private CgroupV1Memory realOrSkip() {
    CgroupV1Memory.Result result = CgroupV1Memory.detect(CgroupV1Memory.MEMORY_ROOT, Path.of("/proc/self/cgroup"),
        "test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    assumeTrue(result.memory().isPresent(), result.problem());
    return result.memory().orElseThrow();
  }
}
