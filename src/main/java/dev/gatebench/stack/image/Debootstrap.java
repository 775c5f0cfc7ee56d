package dev.gatebench.stack.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Bootstraps Debian bookworm (minbase, about 200 MB and a minute) with {@code debootstrap} from the
 * mirror this machine's apt uses, carries over apt's {@code Acquire::} settings, and imports it as an
 * image. Needs root and Debian's {@code debootstrap} package.
 */
final class Debootstrap implements Bootstrapper {
  static final String SUITE = "bookworm";
  private static final Duration TIMEOUT = Duration.ofMinutes(15);
  private static final Path APT = Path.of("/etc/apt");

  private final DockerEngine docker;
  private final Path logDir;
  private final Consumer<String> progress;

  Debootstrap(DockerEngine docker, Path logDir, Consumer<String> progress) {
    this.docker = docker;
    this.logDir = logDir;
    this.progress = progress;
  }

  @Override
  public void bootstrap(String tag) throws ImageStepException {
    if (!isRoot()) throw new ImageStepException("bootstrapping it with debootstrap needs root");
    if (!Shell.onPath("debootstrap")) throw new ImageStepException("bootstrapping it needs Debian's debootstrap package "
        + "(apt-get install debootstrap)");
    String mirror = AptSources.mirrorFor(APT, SUITE).orElseThrow(() -> new ImageStepException(
        "bootstrapping it needs a Debian " + SUITE + " mirror in /etc/apt/sources.list(.d), and none is named there"));
    progress.accept("bootstrapping " + tag + " from Debian's packages (about 1 min, once)");
    long startNanos = System.nanoTime();
    Path rootfs = tempDir();
    try {
      Shell.Result result = Shell.stream(List.of("debootstrap", "--variant=minbase", SUITE, rootfs.toString(), mirror),
          TIMEOUT, line -> { }, logDir.resolve("image-debian-base.log"));
      if (!result.ok()) throw new ImageStepException("debootstrap failed: " + result.lastLine());
      copyAcquireSettings(rootfs);
      Shell.run(List.of("bash", "-c", "rm -f \"$1\"/var/cache/apt/archives/*.deb", "clean", rootfs.toString()),
          Map.of(), Duration.ofMinutes(1));
      docker.importRootfs(rootfs, tag);
      progress.accept("bootstrapped " + tag + " in " + Duration.ofNanos(System.nanoTime() - startNanos).toSeconds() + " s");
    } finally {
      Shell.run(List.of("rm", "-rf", "--one-file-system", rootfs.toString()), Map.of(), Duration.ofMinutes(2));
    }
  }

  /** apt's network settings of this machine (e.g. Acquire::Check-Valid-Until for a snapshot mirror). */
  private static void copyAcquireSettings(Path rootfs) throws ImageStepException {
    Path source = APT.resolve("apt.conf.d");
    if (!Files.isDirectory(source)) return;
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.filter(AptConf::onlyAcquireSettings).toList()) {
        Files.copy(file, rootfs.resolve("etc/apt/apt.conf.d").resolve(file.getFileName()));
      }
    } catch (IOException e) {
      throw new ImageStepException("cannot copy apt's settings into the base: " + e.getMessage(), e);
    }
  }

  private Path tempDir() throws ImageStepException {
    try {
      return Files.createTempDirectory("gatebench-rootfs");
    } catch (IOException e) {
      throw new ImageStepException("cannot create a folder for the root file system: " + e.getMessage(), e);
    }
  }

  static boolean isRoot() {
    try {
      return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
    } catch (Exception e) {
      return false;
    }
  }
}
