package dev.gatebench.stack.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** A Docker engine in memory: which images it has, which it can pull, and every call it got. */
final class FakeDocker implements DockerEngine {
  static final String NO_REGISTRY = "Error response from daemon: Get \"https://registry.test/v2/\": dial tcp: "
      + "lookup registry.test: no such host";

  final Set<String> present = new HashSet<>();
  final Set<String> pullable = new HashSet<>();
  final List<String> calls = new ArrayList<>();
  String pullFailure = NO_REGISTRY;
  String buildFailure;
  /** What the last build's context folder held, by file name. */
  final List<String> lastContextFiles = new ArrayList<>();

  @Override
  public boolean exists(String reference) {
    calls.add("exists " + reference);
    return present.contains(reference);
  }

  @Override
  public void pull(String reference, Duration timeout) throws ImageStepException {
    calls.add("pull " + reference);
    if (!pullable.contains(reference)) throw new ImageStepException(pullFailure);
    present.add(reference);
  }

  @Override
  public void tag(String source, String target) {
    calls.add("tag " + source + " " + target);
    present.add(target);
  }

  @Override
  public void build(Path context, String tag, Map<String, String> args, Consumer<String> progress, Path log)
      throws ImageStepException {
    calls.add("build " + tag + (args.isEmpty() ? "" : " " + args));
    lastContextFiles.clear();
    try (var files = Files.list(context)) {
      files.map(f -> f.getFileName().toString()).sorted().forEach(lastContextFiles::add);
    } catch (java.io.IOException e) {
      throw new ImageStepException(e.getMessage());
    }
    progress.accept("Step 1/2 : FROM gatebench/debian-base:bookworm");
    if (buildFailure != null) throw new ImageStepException(buildFailure);
    present.add(tag);
  }

  @Override
  public void importRootfs(Path rootfs, String tag) {
    calls.add("import " + tag);
    present.add(tag);
  }
}
