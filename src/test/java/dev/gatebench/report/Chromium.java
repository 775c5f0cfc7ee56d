package dev.gatebench.report;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Runs headless Chromium once, offline and bounded in time; kills it and its children afterwards. The
 * report's rendering tests read what it drew through {@link #renderedDom} and {@link #screenshot}.
 */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** A channel this far above the others is a series' colour, not text or grid grey. */
  private static final int COLOURED_SPREAD = 60;
  private static final int WHITE_FROM = 245;

  private Chromium() {}

  /**
   * What a screenshot holds.
   *
   * @param nonWhite pixels darker than near-white in any channel: text, tables and charts
   * @param coloured pixels whose channels differ by more than 60: series in ECharts' palette
   */
  record Pixels(int width, int height, long nonWhite, long coloured) {
    long total() {
      return (long) width * height;
    }
  }

  /** Skips the calling test, saying how to install Chromium, where it is not installed. */
  static void assumeInstalled() {
    assumeThat(Files.isExecutable(BINARY))
        .as("headless Chromium is needed to render the report: apt-get install chromium").isTrue();
  }

  /**
   * The page's DOM once its scripts ran, as {@code --dump-dom} prints it.
   *
   * @param workDir where the profile, the DOM and the net log go, as {@code profile-<name>}, {@code <name>.dom},
   *     {@code net-<name>.json}
   * @throws AssertionError when Chromium does not exit with 0
   */
  static String renderedDom(Path page, Path workDir, String name) throws IOException, InterruptedException {
    Path dom = workDir.resolve(name + ".dom");
    int exit = run(page, Files.createDirectories(workDir.resolve("profile-" + name)), "--dump-dom", dom,
        workDir.resolve("net-" + name + ".json"));
    if (exit != 0) throw new AssertionError("chromium --dump-dom of " + page + " exited with " + exit);
    return Files.readString(dom);
  }

  /** Takes a screenshot of the page into {@code png} (1400 px wide) and counts its pixels. */
  static Pixels screenshot(Path page, Path workDir, Path png) throws IOException, InterruptedException {
    run(page, Files.createDirectories(workDir.resolve("profile-png")), "--screenshot=" + png.toAbsolutePath(),
        workDir.resolve("shot.out"), workDir.resolve("net-png.json"));
    BufferedImage image = ImageIO.read(png.toFile());
    long nonWhite = 0;
    long coloured = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r < WHITE_FROM || g < WHITE_FROM || b < WHITE_FROM) nonWhite++;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > COLOURED_SPREAD) coloured++;
      }
    }
    return new Pixels(image.getWidth(), image.getHeight(), nonWhite, coloured);
  }

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
