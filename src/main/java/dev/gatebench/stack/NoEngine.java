package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayContext;
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

  static String reason(String row, StackChoice choice) {
    return row + " skipped: " + choice.reason() + "; start a Docker engine to run the containers stack";
  }

  @Override
  public String name() {
    return "containers";
  }

  @Override
  public Gateway launch(GatewayContext row) throws GatewayUnavailableException {
    throw new GatewayUnavailableException(reason(row.row().name(), choice));
  }

  @Override
  public void close() {}
}
