package dev.gatebench.stack;

import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewayUnavailableException;
import dev.gatebench.gateway.HasExternalUrl;
import dev.gatebench.gateway.RunsAsContainer;
import dev.gatebench.gateway.RunsAsProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each stack needs of a gateway kind, and the one reason a stack gives when a kind lacks it,
 * naming the stacks that can run it instead, e.g.
 * {@code nginx skipped: it has no container definition; use -Dgatebench.stack=processes}.
 */
final class Abilities {
  private static final Map<Class<?>, String> LACKING = Map.of(
      RunsAsProcess.class, "it does not run as a local process",
      RunsAsContainer.class, "it has no container definition",
      HasExternalUrl.class, "it has no external URL setting, so a running one cannot be found");

  private Abilities() {}

  /** {@code context}'s kind as {@code ability}. @throws GatewayUnavailableException when it lacks it */
  static <T> T require(GatewayContext context, Class<T> ability) throws GatewayUnavailableException {
    if (ability.isInstance(context.kind())) return ability.cast(context.kind());
    throw new GatewayUnavailableException(context.row().name() + " skipped: " + LACKING.get(ability) + "; "
        + instead(context.kind()));
  }

  private static String instead(GatewayKind kind) {
    List<String> stacks = new ArrayList<>();
    if (kind instanceof RunsAsProcess) stacks.add("-Dgatebench.stack=processes");
    if (kind instanceof RunsAsContainer) stacks.add("-Dgatebench.stack=containers");
    if (kind instanceof HasExternalUrl external) {
      stacks.add("-Dgatebench.stack=external with " + external.externalUrlSetting());
    }
    return stacks.isEmpty() ? "no stack can run it" : "use " + String.join(" or ", stacks);
  }
}
