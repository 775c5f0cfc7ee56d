package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import java.util.Objects;
import java.util.Optional;

/**
 * Per requested gateway: the started gateway, or why it is unavailable and how to enable it, e.g.
 * {@code inferxgate skipped: the processes stack runs InferXgate from INFERXGATE_BIN, which is unset; ...}.
 *
 * @param name the row id, e.g. {@code inferxgate}
 * @param gateway the started gateway; empty when unavailable
 * @param unavailableReason why it did not start and the fix; empty when started
 */
public record GatewayAvailability(String name, Optional<Gateway> gateway, Optional<String> unavailableReason) {
  public GatewayAvailability {
    Objects.requireNonNull(name, "name");
    if (gateway.isPresent() == unavailableReason.isPresent()) {
      throw new IllegalArgumentException("a gateway availability has either a gateway or a reason, got "
          + gateway + " and " + unavailableReason);
    }
  }

  public static GatewayAvailability started(Gateway gateway) {
    return new GatewayAvailability(gateway.name(), Optional.of(gateway), Optional.empty());
  }

  public static GatewayAvailability unavailable(String name, String reason) {
    return new GatewayAvailability(name, Optional.empty(), Optional.of(reason));
  }

  public boolean isAvailable() {
    return gateway.isPresent();
  }
}
