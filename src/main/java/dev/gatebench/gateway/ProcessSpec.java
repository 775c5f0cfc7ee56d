package dev.gatebench.gateway;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a gateway as a local process. The environment may hold secrets: it is passed to the
 * process and never logged.
 *
 * @param command the executable and its arguments, e.g. {@code [.../bin/litellm, --config, ...]}
 * @param environment variables added to a clean environment (PATH, HOME and LANG are kept)
 * @param workDir its working directory
 * @param facts what to record about this start (workers, config file, ...), no secrets
 */
public record ProcessSpec(List<String> command, Map<String, String> environment, Path workDir,
    Map<String, Object> facts) {
  public ProcessSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    facts = Map.copyOf(facts);
    Objects.requireNonNull(workDir, "workDir");
    if (command.isEmpty()) throw new IllegalArgumentException("command must not be empty");
  }
}
