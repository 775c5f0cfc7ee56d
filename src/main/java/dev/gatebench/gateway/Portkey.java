package dev.gatebench.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Portkey AI gateway (Node.js; npm {@code @portkey-ai/gateway}), installed by gatebench into
 * {@code <cacheDir>/portkey-<version>} on first use. Requests name their provider in headers:
 * {@code x-portkey-provider: anthropic} and the provider key as {@code Authorization: Bearer ...}, so
 * Portkey translates the OpenAI request to Anthropic's {@code /v1/messages}, as LiteLLM and InferXgate
 * do. Against the mock, every request also names {@code x-portkey-custom-host: <mock>/v1}, as a
 * Portkey client pointed at a self-hosted provider does.
 *
 * <p>Settings: {@code gatebench.portkey.version} (default {@value #VERSION}), {@code gatebench.portkey.node}
 * and {@code gatebench.portkey.npm} (default {@code node} and {@code npm} on PATH), {@code PORTKEY_URL}
 * for the external stack.
 */
public final class Portkey extends BasicKind implements RunsAsProcess, NeedsInstall, AuthHeaders, UpstreamHeaders,
    HasExternalUrl {
  /** Pinned: the version these routing headers and the start flags were read from. */
  public static final String VERSION = "1.15.2";
  static final String PROVIDER = "anthropic";
  static final String CUSTOM_HOST_HEADER = "x-portkey-custom-host";

  /** {@code GET /} answers "AI Gateway says hey!" without calling any provider. */
  public Portkey() {
    super("portkey", "Portkey", Probe.get("/"), 8787);
  }

  @Override
  public List<GatewaySetting> settings() {
    return List.of(GatewaySetting.pinnedVersion(name(), VERSION), GatewaySetting.own(name(), "node", "node",
        GatewaySetting.any()),
        GatewaySetting.own(name(), "npm", "npm", GatewaySetting.any()));
  }

  @Override
  public String externalUrlSetting() {
    return "PORTKEY_URL";
  }

  /** The provider and its key, as a Portkey client sends them; the key is a secret. */
  @Override
  public Map<String, String> authHeaders(GatewayContext context) {
    return Map.of("x-portkey-provider", PROVIDER, "Authorization", "Bearer " + context.upstreamApiKey());
  }

  /** The mock's Anthropic base; the real provider is Portkey's own default. */
  @Override
  public Map<String, String> upstreamHeaders(GatewayContext context, UpstreamEndpoint upstream) {
    return upstream.realProvider() ? Map.of() : Map.of(CUSTOM_HOST_HEADER, customHost(upstream));
  }

  @Override
  public Map<String, Object> facts(GatewayContext context) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("provider", PROVIDER);
    facts.put("upstream_path", "/v1/messages (Anthropic shape, translated by Portkey)");
    facts.put("retries", "none (no x-portkey-config retry given)");
    facts.put("cache", "off (no x-portkey-cache given)");
    facts.put("listens_on", "all interfaces: its start script takes only --port");
    return facts;
  }

  @Override
  public void install(GatewayContext context) throws GatewayUnavailableException {
    new PortkeyInstall(context.cacheDir(), context.setting("version")).ensure(tool(context, "npm"));
  }

  @Override
  public ProcessSpec process(ProcessRequest request) throws GatewayUnavailableException {
    GatewayContext context = request.context();
    Path node = tool(context, "node");
    PortkeyInstall install = new PortkeyInstall(context.cacheDir(), context.setting("version"));
    List<String> command = List.of(node.toString(), install.installed().toString(), "--port=" + request.port(),
        "--headless");
    Map<String, Object> facts = new LinkedHashMap<>(context.facts());
    if (!request.upstream().realProvider()) {
      facts.put("custom_host", customHost(request.upstream()) + " (sent by gatebench with every request)");
    }
    facts.put("install_dir", install.dir().toString());
    facts.put("node", nodeVersion(node));
    facts.put("hono", install.installedVersion("hono"));
    facts.put("hono_node_server", install.installedVersion("@hono/node-server"));
    return new ProcessSpec(command, Map.of(), request.privateDir(), facts);
  }

  /** Where Portkey sends Anthropic requests: it appends {@code /messages}, so the base ends in {@code /v1}. */
  static String customHost(UpstreamEndpoint upstream) {
    return upstream.baseWithoutSlash() + "/v1";
  }

  /** No Node.js means no Portkey here: its row is skipped with the fix, the other gateways still run. */
  static Path tool(GatewayContext context, String tool) throws GatewayUnavailableException {
    String name = context.setting(tool);
    return Commands.which(name).orElseThrow(() -> new GatewayUnavailableException("portkey skipped: '" + name
        + "' was not found on PATH; install Node.js 18+ with npm (apt-get install nodejs npm) or point "
        + "gatebench.portkey." + tool + " at it, e.g. -Dgatebench.portkey." + tool + "=/usr/bin/" + tool));
  }

  private static String nodeVersion(Path node) {
    Commands.Result result = Commands.run(List.of(node.toString(), "--version"), Path.of("."), Duration.ofSeconds(10));
    return result.exitCode() == 0 ? result.output().strip() : "unknown";
  }
}
