package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxTest {
  private static final URI MOCK = URI.create("http://127.0.0.1:18443");

  @TempDir Path dir;

  @Test
  void rendersAForegroundLoopbackProxyWithKeptAliveUnbufferedUpstream() {
    String config = Nginx.render(4100, MOCK, 2, dir, dir.resolve("access.log"));

    assertThat(config).as("generated nginx.conf")
        .contains("daemon off;", "worker_processes 2;", "pid " + dir.resolve("nginx.pid") + ";",
            "error_log stderr warn;", "listen 127.0.0.1:4100;", "server 127.0.0.1:18443;", "keepalive 64;",
            "proxy_pass http://mock;", "proxy_http_version 1.1;", "proxy_set_header Connection \"\";",
            "proxy_buffering off;", "access_log " + dir.resolve("access.log") + " combined buffer=64k flush=1s;",
            "proxy_temp_path " + dir.resolve("proxy") + ";", "location = /gatebench-ready")
        .doesNotContain("listen 4100", "0.0.0.0");
  }

  @Test
  void describesNginxWithItsOwnPrefixAndAConfigThatNginxAccepts() throws Exception {
    assumeTrue(Nginx.binary(settings(Map.of())).isPresent(), "nginx is not installed (apt-get install -y nginx)");

    ProcessSpec spec = new Nginx().process(request(Map.of("gatebench.nginx.workers", "3"), mock()));

    Path prefix = dir.resolve("private/nginx");
    assertThat(spec.command()).as("command").endsWith("-p", prefix.toString(), "-c",
        prefix.resolve("nginx.conf").toString(), "-e", "stderr");
    assertThat(Files.readString(prefix.resolve("nginx.conf"))).contains("worker_processes 3;");
    assertThat(spec.facts()).containsEntry("workers", 3).containsEntry("upstream_keepalive", 64)
        .containsEntry("access_log_file", dir.resolve("logs/nginx-access.log").toString());
    Commands.Result check = Commands.run(List.of(spec.command().getFirst(), "-t", "-p", prefix.toString(), "-c",
        prefix.resolve("nginx.conf").toString(), "-e", "stderr"), dir, Duration.ofSeconds(20));
    assertThat(check.exitCode()).as("nginx -t on the generated config:\n%s", check.output()).isZero();
  }

  @Test
  void isSkippedWithTheFixWhenNginxIsMissing() {
    assertThatThrownBy(() -> new Nginx().process(request(Map.of("gatebench.nginx.bin", "/nonexistent/nginx"),
        mock())))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessage("nginx skipped: '/nonexistent/nginx' was not found on PATH or in /usr/sbin; install it "
            + "(apt-get install -y nginx) or point gatebench.nginx.bin at one, e.g. -Dgatebench.nginx.bin=/usr/sbin/nginx");
  }

  @Test
  void isSkippedAgainstTheRealProviderSinceItProxiesOnlyTheMock() {
    assertThatThrownBy(() -> new Nginx().checkAvailable(settings(Map.of()), UpstreamEndpoint.anthropic()))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessageStartingWith("nginx skipped: the nginx row proxies the mock upstream");
  }

  @Test
  void rejectsAWorkerCountOutsideOneToSixtyFour() {
    assertThatThrownBy(() -> settings(Map.of("gatebench.nginx.workers", "0")).integer("workers"))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.nginx.workers must be in 1..64 but was 0; e.g. -Dgatebench.nginx.workers=2");
  }

  @Test
  void readsItsVersionFromTheBinary() {
    assumeTrue(Nginx.binary(settings(Map.of())).isPresent(), "nginx is not installed (apt-get install -y nginx)");

    assertThat(new Nginx().version(settings(Map.of()))).as("nginx -v").matches("\\d+\\.\\d+\\.\\d+");
  }

  private UpstreamEndpoint mock() {
    return UpstreamEndpoint.mock(MOCK, dir.resolve("ca.pem"));
  }

  private ProcessRequest request(Map<String, String> props, UpstreamEndpoint upstream) throws Exception {
    Path privateDir = Files.createDirectories(dir.resolve("private"));
    return new ProcessRequest(settings(props), upstream, 4100, privateDir);
  }

  private GatewayContext settings(Map<String, String> props) {
    Map<String, String> all = new java.util.HashMap<>(props);
    all.put("gatebench.logDir", dir.resolve("logs").toString());
    return GatewaySettings.from(BenchConfig.of(all, Map.of(), Map.of())).context(new Nginx());
  }
}
