package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferXgateTest {
  @TempDir Path dir;

  @Test
  void runsWithoutAuthOrCachingAndSendsAnthropicTrafficThroughTheMocksProxy() throws Exception {
    Path binary = executable("inferxgate");
    Path ca = Files.writeString(dir.resolve("ca.pem"), "pem");
    UpstreamEndpoint mock = UpstreamEndpoint.mock(URI.create("http://127.0.0.1:18443"), ca);

    ProcessSpec spec = new InferXgate().process(new ProcessRequest(settings(binary), mock, 3999, dir));

    assertThat(spec.command()).containsExactly(binary.toString());
    assertThat(spec.workDir()).isEqualTo(dir);
    assertThat(spec.environment()).containsEntry("HOST", "127.0.0.1").containsEntry("PORT", "3999")
        .containsEntry("REQUIRE_AUTH", "false").containsEntry("ENABLE_CACHING", "false")
        .containsEntry("ANTHROPIC_API_KEY", GatewaySettings.DUMMY_API_KEY)
        .containsEntry("HTTPS_PROXY", "http://127.0.0.1:18443").containsEntry("https_proxy", "http://127.0.0.1:18443")
        .containsEntry("SSL_CERT_FILE", ca.toString()).containsEntry("NO_PROXY", "127.0.0.1,localhost")
        .doesNotContainKeys("DATABASE_URL", "REDIS_URL");
  }

  @Test
  void callsTheRealApiWithoutAProxy() throws Exception {
    BenchConfig config = BenchConfig.of(Map.of("INFERXGATE_BIN", executable("inferxgate").toString(),
        "gatebench.upstream", "anthropic", "ANTHROPIC_API_KEY", "sk-ant-real"), Map.of(), Map.of());

    ProcessSpec spec = new InferXgate().process(new ProcessRequest(GatewaySettings.from(config)
        .context(new InferXgate()), UpstreamEndpoint.anthropic(), 3999, dir));

    assertThat(spec.environment()).containsEntry("ANTHROPIC_API_KEY", "sk-ant-real")
        .doesNotContainKeys("HTTPS_PROXY", "SSL_CERT_FILE");
  }

  @Test
  void isUnavailableWithoutABinaryAndSaysHowToEnableIt() {
    BenchConfig config = BenchConfig.of(Map.of(), Map.of(), Map.of());

    assertThatThrownBy(() -> new InferXgate().process(new ProcessRequest(GatewaySettings.from(config)
        .context(new InferXgate()), UpstreamEndpoint.anthropic(), 3999, dir)))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessage("inferxgate skipped: the processes stack runs InferXgate from INFERXGATE_BIN, which is unset; "
            + "set INFERXGATE_BIN=/path/to/inferxgate, or run it in a container (-Dgatebench.stack=containers) from "
            + "inferxgate/backend:latest or from the image gatebench wraps around INFERXGATE_BIN");
  }

  @Test
  void rejectsABinaryPathThatIsNotExecutable() throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("inferxgate.txt"), "");

    assertThatThrownBy(() -> new InferXgate().process(new ProcessRequest(settings(notExecutable),
        UpstreamEndpoint.anthropic().withHost("127.0.0.1"), 3999, dir)))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("INFERXGATE_BIN=" + notExecutable + " is not an executable file (not executable); point it at a "
            + "built InferXgate binary (see InferXgate's own build instructions), or unset it");
  }

  private Path executable(String name) throws Exception {
    Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private static GatewayContext settings(Path binary) {
    return GatewaySettings.from(BenchConfig.of(Map.of("INFERXGATE_BIN", binary.toString()), Map.of(), Map.of()))
        .context(new InferXgate());
  }
}
