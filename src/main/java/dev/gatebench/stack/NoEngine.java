package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewayUnavailableException;

/**
 * The containers stack when no engine answered and {@code gatebench.containers.required=false}: it starts
 * nothing, and every row (the Direct row too, which would only repeat the processes run) is skipped
 * with the reason.
 */
final class NoEngine implements Launcher {
  private final StackChoice choice;

  NoEngine(StackChoice choice) {
    this.choice = choice;
  }

  static String reason(GatewayKind kind, StackChoice choice) {
    return kind.name() + " skipped: " + choice.reason() + "; start a Docker engine to run the containers stack";
  }

  @Override
  public String name() {
    return "containers";
  }

  @Override
  public Gateway launch(GatewayKind kind) throws GatewayUnavailableException {
    throw new GatewayUnavailableException(reason(kind, choice));
  }

  @Override
  public void close() {}
}
