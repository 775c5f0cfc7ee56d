package dev.gatebench.gateway;

/**
 * A gateway that can be found already running: the external stack reads its URL from
 * {@link #externalUrlSetting()} (declared for it as the setting {@code url}).
 */
public interface HasExternalUrl extends GatewayKind {
  /** E.g. {@code LITELLM_URL}. */
  String externalUrlSetting();
}
