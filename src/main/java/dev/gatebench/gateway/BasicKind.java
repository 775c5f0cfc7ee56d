package dev.gatebench.gateway;

import java.util.Objects;

/**
 * The core of a {@link GatewayKind} as values, so that a kind's class holds only what it does:
 * {@code super("litellm", "LiteLLM", Probe.get("/health/readiness"), 4000)}.
 */
public abstract class BasicKind implements GatewayKind {
  private final String name;
  private final String displayName;
  private final Probe readiness;
  private final int usualPort;

  /**
   * @param name the row id, e.g. {@code litellm}
   * @param displayName the name in reports, e.g. {@code LiteLLM}
   * @param readiness answers 2xx once it serves traffic
   * @param usualPort its own default port, 1..65535; e.g. 4000
   */
  protected BasicKind(String name, String displayName, Probe readiness, int usualPort) {
    this.name = Objects.requireNonNull(name, "name");
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.readiness = Objects.requireNonNull(readiness, "readiness");
    if (usualPort < 1 || usualPort > 65_535) {
      throw new IllegalArgumentException("usualPort must be in 1..65535 but was " + usualPort);
    }
    this.usualPort = usualPort;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String displayName() {
    return displayName;
  }

  @Override
  public final Probe readiness() {
    return readiness;
  }

  @Override
  public final int usualPort() {
    return usualPort;
  }

  @Override
  public String toString() {
    return name;
  }
}
