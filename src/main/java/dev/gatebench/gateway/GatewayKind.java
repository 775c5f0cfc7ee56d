package dev.gatebench.gateway;

import java.util.List;
import java.util.Map;

/**
 * One kind of gateway, found by {@link java.util.ServiceLoader}: list its class in
 * {@code META-INF/services/dev.gatebench.gateway.GatewayKind} of a jar or of test resources and it is
 * a row of every suite, result and report. The core says what it is and how it is reached; what it
 * can do beyond that are separate abilities it implements only when it has them: {@link RunsAsProcess},
 * {@link RunsAsContainer}, {@link BuiltIn}, {@link NeedsInstall}, {@link AuthHeaders},
 * {@link UpstreamHeaders}, {@link HasMetrics}, {@link ReportsVersion}, {@link HasExternalUrl}. A stack
 * skips a kind that lacks its ability, saying so. Implementations are stateless and thread-safe and
 * have a public no-argument constructor; {@link BasicKind} holds the core for them.
 */
public interface GatewayKind {
  /** The row id and the name in {@code gatebench.gateways}: lower case letters, digits and dashes, e.g. {@code litellm}. */
  String name();

  /** The name in reports, e.g. {@code LiteLLM}. */
  String displayName();

  /** The request that answers 2xx once the gateway serves traffic. */
  Probe readiness();

  /** The port it listens on when nobody says otherwise, e.g. 4000: a bridge container's port, the example of its URL. */
  default int usualPort() {
    return 8080;
  }

  /**
   * Whether a run that names no gateways ({@code gatebench.gateways} unset) has its row; {@code false}
   * for a gateway that runs only when named, such as a test double.
   */
  default boolean selectedByDefault() {
    return true;
  }

  /** The path of its OpenAI-compatible chat completions endpoint. */
  default String chatCompletionsPath() {
    return "/v1/chat/completions";
  }

  /**
   * Its own settings ({@code gatebench.<name>.<key>} or a name of their own), each with its default and
   * check, read through {@link GatewayContext#setting}; {@link GatewayContext#declared(GatewayKind)} adds
   * the port of a kind a stack starts and the URL of one found running.
   */
  default List<GatewaySetting> settings() {
    return List.of();
  }

  /**
   * Refuses to run in this context on every stack, e.g. a proxy of the mock when the upstream is the
   * real provider.
   *
   * @throws GatewayUnavailableException with the reason and how to enable it
   */
  default void checkAvailable(GatewayContext context, UpstreamEndpoint upstream) throws GatewayUnavailableException {}

  /** Facts that shape the numbers, recorded with every result: no secrets. */
  default Map<String, Object> facts(GatewayContext context) {
    return Map.of();
  }
}
