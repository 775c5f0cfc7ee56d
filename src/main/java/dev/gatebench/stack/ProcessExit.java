package dev.gatebench.stack;

/**
 * How a gateway process the stack started ended, for a row's abort reason. A process killed by SIGKILL
 * while its memory group counted an OOM kill is taken to be the limit's victim: the kernel's OOM killer
 * sends SIGKILL, and the group holds only that gateway's tree.
 *
 * @param status its exit status, 128 + the signal when one killed it; e.g. 137 after SIGKILL
 * @param oomKills processes of its memory group its limit killed, >= 0; 0 when it ran in no group
 * @param memoryLimitBytes its memory group's limit, >= 0; 0 when it ran in no group; e.g. 1 GiB
 */
public record ProcessExit(int status, long oomKills, long memoryLimitBytes) {
  private static final int SIGNAL_BASE = 128;
  private static final int SIGKILL = 9;

  public ProcessExit {
    if (oomKills < 0) throw new IllegalArgumentException("oomKills must be >= 0 but was " + oomKills);
    if (memoryLimitBytes < 0) {
      throw new IllegalArgumentException("memoryLimitBytes must be >= 0 but was " + memoryLimitBytes);
    }
  }

  /** Whether its memory limit killed the process itself. */
  public boolean oomKilled() {
    return status == SIGNAL_BASE + SIGKILL && oomKills > 0;
  }

  /**
   * @return what follows the process in a sentence, e.g. {@code was OOM-killed by its 1024 MiB memory limit
   *     (exit 137)}, {@code exited with status 137 (killed by signal 9)} or {@code exited with status 1}
   */
  public String words() {
    if (oomKilled()) return "was OOM-killed by its " + limit() + " memory limit (exit " + status + ")";
    String exited = "exited with status " + status
        + (status > SIGNAL_BASE ? " (killed by signal " + (status - SIGNAL_BASE) + ")" : "");
    return oomKills == 0 ? exited
        : exited + " after its " + limit() + " memory limit OOM-killed " + oomKills + " of its processes";
  }

  private String limit() {
    return (memoryLimitBytes >> 20) + " MiB";
  }
}
