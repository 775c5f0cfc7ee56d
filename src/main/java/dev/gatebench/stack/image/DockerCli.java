package dev.gatebench.stack.image;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@link DockerEngine} through the {@code docker} command (it honours {@code DOCKER_HOST} and the
 * user's context as Testcontainers does). Every call is bounded; builds use the host network.
 */
final class DockerCli implements DockerEngine {
  private static final Duration QUICK = Duration.ofSeconds(30);
  private static final Duration BUILD = Duration.ofMinutes(30);
  private static final Duration IMPORT = Duration.ofMinutes(10);
  /** A build's step lines: "Step 3/8 : RUN ..." (classic builder) or "#6 [2/4] RUN ..." (BuildKit). */
  private static final Pattern STEP = Pattern.compile("^(Step \\d+/\\d+ :|#\\d+ \\[[^\\]]*\\d+/\\d+\\]).*");
  /** This machine's proxy and pip settings, passed on to a build when set (the Dockerfiles name no host). */
  private static final List<String> PASSED_ON = List.of("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy",
      "https_proxy", "no_proxy", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST", "PIP_DEFAULT_TIMEOUT");

  @Override
  public boolean exists(String reference) {
    try {
      return Shell.run(List.of("docker", "image", "inspect", "--format", "{{.Id}}", reference), Map.of(), QUICK).ok();
    } catch (ImageStepException e) {
      return false;
    }
  }

  @Override
  public void pull(String reference, Duration timeout) throws ImageStepException {
    Shell.Result result = Shell.run(List.of("docker", "pull", "-q", reference), Map.of(), timeout);
    if (result.exitCode() == Shell.TIMED_OUT) {
      throw new ImageStepException("no answer within " + timeout.toSeconds() + " s");
    }
    if (!result.ok()) throw new ImageStepException(result.lastLine());
  }

  @Override
  public void tag(String source, String target) throws ImageStepException {
    Shell.Result result = Shell.run(List.of("docker", "tag", source, target), Map.of(), QUICK);
    if (!result.ok()) throw new ImageStepException("docker tag failed: " + result.lastLine());
  }

  @Override
  public void build(Path context, String tag, Map<String, String> args, Consumer<String> progress, Path log)
      throws ImageStepException {
    List<String> command = new ArrayList<>(List.of("docker", "build", "--network", "host", "--pull=false", "-t", tag));
    args.forEach((name, value) -> command.addAll(List.of("--build-arg", name + "=" + value)));
    PASSED_ON.stream().filter(name -> System.getenv(name) != null)
        .forEach(name -> command.addAll(List.of("--build-arg", name)));
    command.add(context.toString());
    Shell.Result result = Shell.stream(command, BUILD, line -> {
      if (STEP.matcher(line).matches()) progress.accept(line);
    }, log);
    if (result.exitCode() == Shell.TIMED_OUT) throw new ImageStepException("docker build ran over " + BUILD.toMinutes()
        + " min; its output is in " + log);
    if (!result.ok()) throw new ImageStepException("docker build failed: " + result.lastLine() + " (whole output: "
        + log + ")");
  }

  @Override
  public void importRootfs(Path rootfs, String tag) throws ImageStepException {
    Shell.Result result = Shell.run(List.of("bash", "-c",
        "set -o pipefail; tar -C \"$1\" -c . | docker import --change 'CMD [\"bash\"]' - \"$2\"", "import",
        rootfs.toString(), tag), Map.of(), IMPORT);
    if (!result.ok()) throw new ImageStepException("docker import failed: " + result.lastLine());
  }
}
