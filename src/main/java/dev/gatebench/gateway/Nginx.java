package dev.gatebench.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nginx as a plain reverse proxy in front of the mock's {@code /v1/chat/completions}: no translation,
 * no routing logic, keep-alive to the upstream and streams passed through unbuffered. Its overhead
 * over Direct is the floor of any proxy hop; a gateway is judged by how far above it it sits.
 *
 * <p>Settings: {@code gatebench.nginx.bin} (default {@code nginx} on PATH or in /usr/sbin) and
 * {@code gatebench.nginx.workers} ({@value #WORKERS}, matching the 2 CPUs every gateway is given).
 */
public final class Nginx extends BasicKind implements RunsAsProcess, ReportsVersion, HasExternalUrl {
  static final String BIN = "nginx";
  static final int WORKERS = 2;
  static final String READY_PATH = "/gatebench-ready";
  /** Idle connections to the mock each worker keeps; above the 50 VUs of the throughput suite. */
  static final int UPSTREAM_KEEPALIVE = 64;

  /** Readiness is answered by nginx itself, so it never reaches the mock. */
  public Nginx() {
    super("nginx", "nginx (proxy floor)", Probe.get(READY_PATH), 8080);
  }

  @Override
  public List<GatewaySetting> settings() {
    return List.of(GatewaySetting.optional(name(), "bin", GatewaySetting.any()),
        GatewaySetting.own(name(), "workers", Integer.toString(WORKERS), GatewaySetting.wholeNumber(1, 64, WORKERS)));
  }

  @Override
  public String externalUrlSetting() {
    return "NGINX_URL";
  }

  @Override
  public void checkAvailable(GatewayContext context, UpstreamEndpoint upstream) throws GatewayUnavailableException {
    upstream.requireMock(name(), "the nginx row proxies the mock upstream");
  }

  @Override
  public String version(GatewayContext context) {
    return binary(context).map(Nginx::versionOf).orElse("unknown");
  }

  @Override
  public Map<String, Object> facts(GatewayContext context) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("role", "plain reverse proxy: the floor of a proxy hop");
    facts.put("upstream_path", "/v1/chat/completions (OpenAI shape, passed through)");
    facts.put("workers", context.integer("workers"));
    facts.put("upstream_keepalive", UPSTREAM_KEEPALIVE);
    facts.put("proxy_buffering", "off");
    facts.put("access_log", "buffered 64k, flushed every second");
    return facts;
  }

  @Override
  public ProcessSpec process(ProcessRequest request) throws GatewayUnavailableException {
    GatewayContext context = request.context();
    Path nginx = binary(context).orElseThrow(() -> new GatewayUnavailableException("nginx skipped: '"
        + context.optional("bin").orElse(BIN) + "' was not found on PATH or in /usr/sbin; "
        + "install it (apt-get install -y nginx) or point gatebench.nginx.bin at one, e.g. "
        + "-Dgatebench.nginx.bin=/usr/sbin/nginx"));
    Path prefix = directory(request.privateDir().resolve("nginx"));
    Path accessLog = directory(context.logDir().toAbsolutePath()).resolve(context.row().fileName() + "-access.log");
    String config = render(request.port(), request.upstream().httpBaseUrl(), context.integer("workers"), prefix,
        accessLog);
    Path configFile = write(prefix.resolve("nginx.conf"), config);
    // -e stderr: errors before the config is read would otherwise go to /var/log/nginx, often not writable
    List<String> command = List.of(nginx.toString(), "-p", prefix.toString(), "-c", configFile.toString(),
        "-e", "stderr");
    Map<String, Object> facts = new LinkedHashMap<>(context.facts());
    facts.put("binary", nginx.toString());
    facts.put("access_log_file", accessLog.toString());
    return new ProcessSpec(command, Map.of(), prefix, facts);
  }

  /**
   * nginx's configuration for one run: {@code workers} processes in the foreground, listening on
   * 127.0.0.1:{@code port}, passing every path to {@code upstream} over kept-alive HTTP/1.1.
   */
  static String render(int port, URI upstream, int workers, Path prefix, Path accessLog) {
    return """
        daemon off;
        master_process on;
        worker_processes %d;
        pid %s;
        error_log stderr warn;
        %s
        events {
            worker_connections 4096;
        }
        http {
            access_log %s combined buffer=64k flush=1s;
            client_body_temp_path %s;
            proxy_temp_path %s;
            fastcgi_temp_path %s;
            uwsgi_temp_path %s;
            scgi_temp_path %s;
            client_body_buffer_size 1m;
            keepalive_requests 100000;
            upstream mock {
                server %s;
                keepalive %d;
                keepalive_requests 100000;
            }
            server {
                listen 127.0.0.1:%d;
                location = %s {
                    return 200 "ready\\n";
                }
                location / {
                    proxy_pass http://mock;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_buffering off;
                    proxy_request_buffering off;
                    proxy_read_timeout 120s;
                }
            }
        }
        """.formatted(workers, prefix.resolve("nginx.pid"), userDirective(), accessLog,
        prefix.resolve("client_body"), prefix.resolve("proxy"), prefix.resolve("fastcgi"),
        prefix.resolve("uwsgi"), prefix.resolve("scgi"), hostPort(upstream), UPSTREAM_KEEPALIVE, port, READY_PATH);
  }

  /** As root, nginx would hand its workers to 'nobody', who cannot enter the private 0700 directory. */
  private static String userDirective() {
    return "root".equals(System.getProperty("user.name")) ? "user root;" : "";
  }

  private static String hostPort(URI upstream) {
    int port = upstream.getPort() > 0 ? upstream.getPort() : 80;
    return upstream.getHost() + ":" + port;
  }

  /** {@code gatebench.nginx.bin} as given, else {@code nginx} on PATH, else /usr/sbin/nginx (not on every PATH). */
  static Optional<Path> binary(GatewayContext context) {
    Optional<String> configured = context.optional("bin");
    if (configured.isPresent()) return Commands.which(configured.get());
    return Commands.which(BIN).or(() -> Commands.which("/usr/sbin/" + BIN));
  }

  private static String versionOf(Path nginx) {
    Commands.Result result = Commands.run(List.of(nginx.toString(), "-v"), Path.of("."), Duration.ofSeconds(10));
    String line = result.output().strip();
    int slash = line.indexOf("nginx/");
    return result.exitCode() == 0 && slash >= 0 ? line.substring(slash + "nginx/".length()).split("\\s")[0] : "unknown";
  }

  private static Path directory(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new GatewayStartException("cannot create " + dir + " for nginx: " + e.getMessage(), e);
    }
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new GatewayStartException("cannot write nginx's config to " + file + ": " + e.getMessage(), e);
    }
  }
}
