package dev.gatebench.stack;

import com.fasterxml.jackson.databind.JsonNode;

/** How a container ended, in words: OOM-killed by its memory limit, or its exit code. */
final class ContainerExit {
  private ContainerExit() {}

  /**
   * @param inspect the engine's inspect answer for the container
   * @return e.g. {@code OOM-killed by its 1024 MiB memory limit (exit 137)}, {@code exited with 1}, or
   *     {@code running}
   */
  static String describe(JsonNode inspect) {
    JsonNode state = inspect.path("State");
    if (state.path("Running").asBoolean(false)) return "running";
    long exit = state.path("ExitCode").asLong();
    if (state.path("OOMKilled").asBoolean(false)) {
      long limit = inspect.path("HostConfig").path("Memory").asLong();
      return "OOM-killed by its " + (limit == 0 ? "host's" : (limit >> 20) + " MiB") + " memory limit (exit " + exit
          + ")";
    }
    String error = state.path("Error").asText("");
    return "exited with " + exit + (error.isEmpty() ? "" : " (" + error + ")");
  }

  static boolean oomKilled(JsonNode inspect) {
    return inspect.path("State").path("OOMKilled").asBoolean(false);
  }
}
