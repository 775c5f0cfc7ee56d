package dev.gatebench.gateway;

/** A gateway whose process needs something installed first, once, into the cache (a virtualenv, an npm tree). */
public interface NeedsInstall extends GatewayKind {
  /**
   * Installs it unless a complete install is cached; safe across JVMs.
   *
   * @throws GatewayUnavailableException when a tool it needs (python, npm) is missing here, with the fix
   * @throws GatewayStartException when the install itself fails, with its output's tail
   */
  void install(GatewayContext context) throws GatewayUnavailableException;
}
