package dev.gatebench.gateway;

import dev.gatebench.config.BenchConfigException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;

/**
 * The Portkey AI gateway (Node.js; npm {@code @portkey-ai/gateway}), installed by gatebench into
 * {@code <cacheDir>/portkey-<version>} on first use. Requests name their provider in headers:
 * {@code x-portkey-provider: anthropic} and the provider key as {@code Authorization: Bearer ...}, so
 * Portkey translates the OpenAI request to Anthropic's {@code /v1/messages}, as LiteLLM and InferXgate
 * do. Against the mock, {@code x-portkey-custom-host} points it at {@code <mock>/v1}.
 *
 * <p>Settings: {@code gatebench.portkey.version} (default {@value #VERSION}), {@code gatebench.portkey.node}
 * and {@code gatebench.portkey.npm} (default {@code node} and {@code npm} on PATH), {@code PORTKEY_URL}
 * for the external stack.
 */
public final class Portkey implements GatewayKind {
  /** Pinned: the version these routing headers and the start flags were read from. */
  public static final String VERSION = "1.15.2";
  static final String PROVIDER = "anthropic";
  static final String CUSTOM_HOST_HEADER = "x-portkey-custom-host";
  /** Read by the preload below; the mock's base URL is known only once the stack starts. */
  static final String CUSTOM_HOST_ENV = "GATEBENCH_PORTKEY_CUSTOM_HOST";
  /**
   * Loaded with {@code node --import}: gives a request that names no custom host the mock's, before
   * Portkey reads its headers, because a stack hands every gateway the same headers before it knows
   * the mock's address. A header check per request; Portkey's own code is untouched.
   */
  static final String PRELOAD = """
      import http from 'node:http';
      const host = process.env.%s;
      const emit = http.Server.prototype.emit;
      http.Server.prototype.emit = function (event, request, ...rest) {
        if (event === 'request' && host && request.headers['%s'] === undefined) {
          request.headers['%2$s'] = host;
          request.rawHeaders.push('%2$s', host);
        }
        return emit.call(this, event, request, ...rest);
      };
      """.formatted(CUSTOM_HOST_ENV, CUSTOM_HOST_HEADER);

  @Override
  public String name() {
    return "portkey";
  }

  @Override
  public String displayName() {
    return "Portkey";
  }

  /** {@code GET /} answers "AI Gateway says hey!" without calling any provider. */
  @Override
  public Probe readiness() {
    return Probe.get("/");
  }

  @Override
  public int containerPort() {
    return 8787;
  }

  @Override
  public String externalUrlSetting() {
    return "PORTKEY_URL";
  }

  @Override
  public Optional<URI> externalUrl(GatewaySettings settings) {
    return settings.setting(externalUrlSetting()).map(raw -> {
      URI url = URI.create(raw);
      if (url.getHost() == null) {
        throw new BenchConfigException("PORTKEY_URL must be an absolute URL like http://localhost:8787 but was '"
            + raw + "'");
      }
      return url;
    });
  }

  /** The provider and its key, as a Portkey client sends them; the key is a secret. */
  @Override
  public Map<String, String> authHeaders(GatewaySettings settings) {
    return Map.of("x-portkey-provider", PROVIDER, "Authorization", "Bearer " + settings.upstreamApiKey());
  }

  @Override
  public String version(GatewaySettings settings) {
    return settings.setting("gatebench.portkey.version").orElse(VERSION);
  }

  @Override
  public Map<String, Object> facts(GatewaySettings settings) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("provider", PROVIDER);
    facts.put("upstream_path", "/v1/messages (Anthropic shape, translated by Portkey)");
    facts.put("retries", "none (no x-portkey-config retry given)");
    facts.put("cache", "off (no x-portkey-cache given)");
    facts.put("listens_on", "all interfaces: its start script takes only --port");
    return facts;
  }

  @Override
  public ProcessSpec process(ProcessRequest request) throws GatewayUnavailableException {
    GatewaySettings settings = request.settings();
    Path node = tool(settings, "node");
    PortkeyInstall install = new PortkeyInstall(settings.cacheDir(), version(settings));
    Path startServer = install.ensure(tool(settings, "npm"));
    List<String> command = new java.util.ArrayList<>(List.of(node.toString()));
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, Object> facts = new LinkedHashMap<>(facts(settings));
    if (!request.upstream().realProvider()) {
      String customHost = customHost(request.upstream());
      command.addAll(List.of("--import", preload(request.privateDir()).toUri().toString()));
      env.put(CUSTOM_HOST_ENV, customHost);
      facts.put("custom_host", customHost + " (set by gatebench's preload when a request names none)");
    }
    command.addAll(List.of(startServer.toString(), "--port=" + request.port(), "--headless"));
    facts.put("install_dir", install.dir().toString());
    facts.put("node", nodeVersion(node));
    facts.put("hono", install.installedVersion("hono"));
    facts.put("hono_node_server", install.installedVersion("@hono/node-server"));
    return new ProcessSpec(command, env, request.privateDir(), facts);
  }

  /** Skipped, not failed, under the containers stack: the row has no image yet. */
  @Override
  public GenericContainer<?> container(ContainerRequest request) {
    throw Portkey.<RuntimeException>skip(new GatewayUnavailableException("portkey skipped: it is not available "
        + "as a container yet; run it as a process with -Dgatebench.stack=processes"));
  }

  /** Where Portkey sends Anthropic requests: it appends {@code /messages}, so the base ends in {@code /v1}. */
  static String customHost(UpstreamEndpoint upstream) {
    return upstream.baseWithoutSlash() + "/v1";
  }

  /** No Node.js means no Portkey here: its row is skipped with the fix, the other gateways still run. */
  static Path tool(GatewaySettings settings, String tool) throws GatewayUnavailableException {
    String name = settings.setting("gatebench.portkey." + tool).orElse(tool);
    return Commands.which(name).orElseThrow(() -> new GatewayUnavailableException("portkey skipped: '" + name
        + "' was not found on PATH; install Node.js 18+ with npm (apt-get install nodejs npm) or point "
        + "gatebench.portkey." + tool + " at it, e.g. -Dgatebench.portkey." + tool + "=/usr/bin/" + tool));
  }

  private static Path preload(Path privateDir) {
    Path file = privateDir.resolve("portkey-custom-host.mjs");
    try {
      return Files.writeString(file, PRELOAD);
    } catch (IOException e) {
      throw new GatewayStartException("cannot write Portkey's preload to " + file + ": " + e.getMessage(), e);
    }
  }

  private static String nodeVersion(Path node) {
    Commands.Result result = Commands.run(List.of(node.toString(), "--version"), Path.of("."), Duration.ofSeconds(10));
    return result.exitCode() == 0 ? result.output().strip() : "unknown";
  }

  /** Throws the checked {@code unavailable} where the interface declares none, so the stack skips the row. */
  @SuppressWarnings("unchecked")
  private static <T extends Exception> RuntimeException skip(GatewayUnavailableException unavailable) throws T {
    throw (T) unavailable;
  }
}
