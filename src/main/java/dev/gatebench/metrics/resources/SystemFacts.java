package dev.gatebench.metrics.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Facts of the running kernel that /proc readings need. */
final class SystemFacts {
  private SystemFacts() {}

  /** {@code getconf CLK_TCK}, or {@link ProcFs#DEFAULT_CLOCK_TICKS_PER_SECOND} if it cannot be asked. */
  static long clockTicksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return ProcFs.DEFAULT_CLOCK_TICKS_PER_SECOND;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      return p.exitValue() == 0 ? Long.parseLong(out) : ProcFs.DEFAULT_CLOCK_TICKS_PER_SECOND;
    } catch (IOException | NumberFormatException e) {
      return ProcFs.DEFAULT_CLOCK_TICKS_PER_SECOND;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProcFs.DEFAULT_CLOCK_TICKS_PER_SECOND;
    }
  }
}
