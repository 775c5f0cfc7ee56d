package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.config.BenchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The cached virtualenv: repaired when it has no marker, left alone when it has one. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiteLlmVenvTest {
  @TempDir Path cache;
  private GatewayContext settings;
  private Path venv;
  private Path calls;

  @BeforeEach
  void handMadeVenvWithoutMarker() throws Exception {
    settings = GatewaySettings.from(BenchConfig.of(Map.of("gatebench.cacheDir", cache.toString()), Map.of(), Map.of()))
        .context(new LiteLlm());
    venv = LiteLlm.venv(settings);
    calls = cache.resolve("calls.log");
    // a stand-in interpreter that records how it is called
    executable(venv.resolve("bin/python"), "echo \"$*\" >> " + calls + "\n");
    executable(venv.resolve("bin/litellm"), "exit 0\n");
  }

  @Test
  void repairsAVenvWithoutMarkerThroughPipAndMarksItInstalled() throws Exception {
    Path litellm = new LiteLlmVenv(settings).ensure();

    assertThat(litellm).isEqualTo(venv.resolve("bin/litellm"));
    List<String> lines = Files.readAllLines(calls);
    assertThat(lines).as("calls of the venv's python")
        .containsExactly("-m pip install litellm[proxy]==1.106.12");
    assertThat(venv.resolve(LiteLlmVenv.MARKER)).hasContent("1.106.12");
  }

  @Test
  void trustsAMarkedVenvWithoutRunningPip() throws Exception {
    Files.writeString(venv.resolve(LiteLlmVenv.MARKER), "1.106.12\n");

    new LiteLlmVenv(settings).ensure();

    assertThat(calls).doesNotExist();
  }

  @Test
  void reinstallsWhenTheMarkerNamesAnotherVersion() throws Exception {
    Files.writeString(venv.resolve(LiteLlmVenv.MARKER), "1.0.0\n");

    new LiteLlmVenv(settings).ensure();

    assertThat(Files.readAllLines(calls)).first().isEqualTo("-m pip install litellm[proxy]==1.106.12");
  }

  private static void executable(Path file, String body) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

}
