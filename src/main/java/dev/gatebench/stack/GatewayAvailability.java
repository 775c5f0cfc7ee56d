package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayStartException;
import java.util.Objects;
import java.util.Optional;

/**
 * Per requested gateway, exactly one of: the started gateway; why it is unavailable on this machine
 * and how to enable it (a skip, e.g. {@code inferxgate skipped: the processes stack runs InferXgate from
 * INFERXGATE_BIN, which is unset; ...}); or how it failed to start although it should have run (its
 * rows fail, the other rows still run).
 *
 * @param name the row id, e.g. {@code inferxgate}
 * @param gateway the started gateway; empty otherwise
 * @param unavailableReason why it cannot run here and the fix; empty otherwise
 * @param startFailure why it failed to start, with its log's tail as the cause; empty otherwise
 */
public record GatewayAvailability(String name, Optional<Gateway> gateway, Optional<String> unavailableReason,
    Optional<GatewayStartException> startFailure) {
  public GatewayAvailability {
    Objects.requireNonNull(name, "name");
    int states = (gateway.isPresent() ? 1 : 0) + (unavailableReason.isPresent() ? 1 : 0)
        + (startFailure.isPresent() ? 1 : 0);
    if (states != 1) {
      throw new IllegalArgumentException("a gateway availability has exactly one of a gateway, a reason or a start "
          + "failure, got " + gateway + ", " + unavailableReason + " and " + startFailure);
    }
  }

  public static GatewayAvailability started(Gateway gateway) {
    return new GatewayAvailability(gateway.name(), Optional.of(gateway), Optional.empty(), Optional.empty());
  }

  public static GatewayAvailability unavailable(String name, String reason) {
    return new GatewayAvailability(name, Optional.empty(), Optional.of(reason), Optional.empty());
  }

  public static GatewayAvailability failedToStart(String name, GatewayStartException failure) {
    return new GatewayAvailability(name, Optional.empty(), Optional.empty(), Optional.of(failure));
  }

  public boolean isAvailable() {
    return gateway.isPresent();
  }
}
