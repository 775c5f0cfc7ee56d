package dev.gatebench.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the benchmark scripts' Python readers (scripts/lib) as the scripts do. */
final class PythonScript {
  /** What a run printed (standard output and error together) and how it exited. */
  record Outcome(int exitCode, String output) {
    double[] numbers() {
      assertThat(exitCode).as(output).isZero();
      return Arrays.stream(output.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
  }

  private PythonScript() {}

  static Outcome run(String script, String... args) throws IOException, InterruptedException {
    assumeThat(onPath("python3")).as("python3 runs the benchmark scripts' readers").isTrue();
    List<String> command = new ArrayList<>(List.of("python3", script));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", script).isTrue();
    return new Outcome(process.exitValue(), out);
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) return true;
    }
    return false;
  }
}
