package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.gateway.Bifrost;
import dev.gatebench.gateway.GatewayUnavailableException;
import dev.gatebench.gateway.HasExternalUrl;
import dev.gatebench.gateway.InferXgate;
import dev.gatebench.gateway.Nginx;
import dev.gatebench.gateway.Portkey;
import dev.gatebench.gateway.RunsAsContainer;
import dev.gatebench.gateway.RunsAsProcess;
import org.junit.jupiter.api.Test;

class AbilitiesTest {
  @Test
  void aKindWithoutAContainerIsSkippedNamingTheStacksThatRunIt() {
    assertThatThrownBy(() -> Abilities.require(StubKind.row(new Nginx()), RunsAsContainer.class))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessage("nginx skipped: it has no container definition; use -Dgatebench.stack=processes or "
            + "-Dgatebench.stack=external with NGINX_URL");
    assertThatThrownBy(() -> Abilities.require(StubKind.row(new Portkey()), RunsAsContainer.class))
        .hasMessageStartingWith("portkey skipped: it has no container definition; use -Dgatebench.stack=processes");
  }

  @Test
  void aKindWithNoAbilityOfAnyStackSaysNoStackRunsIt() {
    assertThatThrownBy(() -> Abilities.require(StubKind.row(new Bifrost()), HasExternalUrl.class))
        .hasMessage("bifrost skipped: it has no external URL setting, so a running one cannot be found; "
            + "no stack can run it");
  }

  @Test
  void aKindWithTheAbilityIsReturnedAsIt() throws Exception {
    assertThat(Abilities.require(StubKind.row(new InferXgate()), RunsAsProcess.class)).isInstanceOf(InferXgate.class);
  }
}
