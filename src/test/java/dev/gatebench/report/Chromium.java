package dev.gatebench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs headless Chromium once, offline and bounded in time; kills it and its children afterwards. */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Chromium() {}

  /**
   * @param page the file to open
   * @param profile an empty folder for the throw-away profile
   * @param action e.g. {@code --dump-dom} or {@code --screenshot=/tmp/x.png}
   * @param stdout where Chromium's standard output goes (the DOM for --dump-dom)
   * @return the exit code
   */
  static int run(Path page, Path profile, String action, Path stdout, Path netLog)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--user-data-dir=" + profile, "--window-size=1400,2000", "--hide-scrollbars",
        "--virtual-time-budget=10000", "--log-net-log=" + netLog, "--net-log-capture-mode=Default", action,
        page.toUri().toString()));
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(Files.createTempFile(profile.getParent(), "chromium", ".err").toFile()).start();
    try {
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("chromium " + action + " did not finish within " + TIMEOUT.toSeconds() + " s");
      }
      return p.exitValue();
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
