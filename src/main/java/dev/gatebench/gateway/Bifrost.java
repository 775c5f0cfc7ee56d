package dev.gatebench.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;

/**
 * Bifrost (Go; maximhq/bifrost), listed so that its row says why it does not run here. Neither way
 * of getting it works on a machine that reaches only package registries: npm {@code @maximhq/bifrost}
 * is a launcher that downloads {@code bifrost-http} from its vendor at run time, and the Go module
 * proxy refuses its module. Its OpenAI route also wants provider-prefixed models
 * ({@code anthropic/<model>}), which the suites' shared request does not carry.
 */
public final class Bifrost implements GatewayKind {
  /** The npm launcher's version, whose behaviour {@link #UNAVAILABLE} describes. */
  static final String LAUNCHER_VERSION = "1.6.3";
  static final String UNAVAILABLE = "bifrost skipped: no bifrost-http binary can be had here: npm @maximhq/bifrost@"
      + LAUNCHER_VERSION + " is a launcher that downloads it at run time (here: 'fetch failed', getaddrinfo "
      + "ENOTFOUND getbifrost.ai), and 'go install github.com/maximhq/bifrost/transports/bifrost-http@latest' "
      + "is refused by the Go module proxy (403 Forbidden: This module version is not available); "
      + "running it also needs requests with provider-prefixed models (anthropic/<model>)";

  @Override
  public String name() {
    return "bifrost";
  }

  @Override
  public String displayName() {
    return "Bifrost";
  }

  @Override
  public Probe readiness() {
    return Probe.get("/health");
  }

  @Override
  public int containerPort() {
    return 8080;
  }

  @Override
  public String externalUrlSetting() {
    return "BIFROST_URL";
  }

  /** Skipped under the external stack too: a running Bifrost still wants provider-prefixed models. */
  @Override
  public Optional<URI> externalUrl(GatewaySettings settings) {
    throw Bifrost.<RuntimeException>skip(new GatewayUnavailableException(UNAVAILABLE));
  }

  @Override
  public String version(GatewaySettings settings) {
    return "unavailable";
  }

  @Override
  public Map<String, Object> facts(GatewaySettings settings) {
    return Map.of("npm_launcher", LAUNCHER_VERSION, "runs", false);
  }

  @Override
  public ProcessSpec process(ProcessRequest request) throws GatewayUnavailableException {
    throw new GatewayUnavailableException(UNAVAILABLE);
  }

  @Override
  public GenericContainer<?> container(ContainerRequest request) {
    throw Bifrost.<RuntimeException>skip(new GatewayUnavailableException(UNAVAILABLE));
  }

  /** Throws the checked {@code unavailable} where the interface declares none, so the stack skips the row. */
  @SuppressWarnings("unchecked")
  private static <T extends Exception> RuntimeException skip(GatewayUnavailableException unavailable) throws T {
    throw (T) unavailable;
  }
}
