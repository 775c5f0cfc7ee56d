package dev.gatebench.metrics.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {
  @TempDir Path proc;

  @Test
  void parsesStatWhoseCommandNameHoldsSpacesAndParentheses() {
    ProcFs.ProcStat stat = ProcFs.ProcStat.parse(
        "4242 (python3 (worker) x) S 4200 4242 4200 0 -1 4194560 9 0 0 0 250 37 0 0 20 0 1 0 100 0 0");
    assertThat(stat.pid()).isEqualTo(4242);
    assertThat(stat.parentPid()).isEqualTo(4200);
    assertThat(stat.cpuTicks()).as("utime 250 + stime 37").isEqualTo(287);
  }

  @Test
  void findsEveryDescendantAndSumsTheirTicksAndRss() throws IOException {
    fakeProcess(10, 1, 100, 5, 2048);
    fakeProcess(11, 10, 40, 0, 1024);
    fakeProcess(12, 11, 7, 3, 512);
    fakeProcess(20, 1, 999, 0, 99999);
    ProcFs fs = new ProcFs(proc, 100);

    assertThat(fs.tree(10)).containsExactly(10L, 11L, 12L);
    TreeReading reading = fs.readTree(10, 0);
    assertThat(reading.totalTicks()).isEqualTo(155);
    assertThat(reading.rssBytes()).isEqualTo((2048 + 1024 + 512) * 1024L);
  }

  @Test
  void treeOfAVanishedProcessIsEmpty() {
    assertThat(new ProcFs(proc, 100).tree(77)).isEmpty();
  }

  @Test
  void kernelThreadsWithoutVmRssCountAsZero() {
    assertThat(ProcFs.vmRssBytes("Name:\tkthreadd\nState:\tS\n")).isEmpty();
    assertThat(ProcFs.vmRssBytes("Name:\tx\nVmRSS:\t  1234 kB\n")).contains(1234 * 1024L);
  }

  private void fakeProcess(long pid, long ppid, long utime, long stime, long rssKb) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    Files.writeString(dir.resolve("stat"), pid + " (p" + pid + ") S " + ppid
        + " 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 5 0 0\n");
    Files.writeString(dir.resolve("status"), "Name:\tp" + pid + "\nVmRSS:\t" + rssKb + " kB\n");
  }
}
