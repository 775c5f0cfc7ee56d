package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewayKinds;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StackTest {
  private static final URI MOCK = URI.create("http://127.0.0.1:18080");
  private static final UpstreamEndpoint UPSTREAM = UpstreamEndpoint.mock(MOCK, Path.of("/tmp/gatebench-ca.pem"));

  @TempDir Path logs;

  @Test
  void rejectsAnUnknownStackName() {
    assertThatThrownBy(() -> Stack.start(config(Map.of("gatebench.stack", "kubernetes")), UPSTREAM))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.stack must be one of [auto, processes, containers, external] but was 'kubernetes'; "
            + "e.g. -Dgatebench.stack=auto");
  }

  @Test
  void rejectsUnknownGatewayNamesListingTheValidOnes() {
    assertThatThrownBy(() -> Stack.start(config(Map.of("gatebench.gateways", "litellm, Kong,envoy")), UPSTREAM))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.gateways names unknown gateways [kong, envoy]; valid names are "
            + "[direct, nginx, litellm, inferxgate, portkey, bifrost, echo], e.g. -Dgatebench.gateways=direct,litellm");
  }

  @Test
  void requiresAnApiKeyForTheRealProvider() {
    assertThatThrownBy(() -> Stack.start(config(Map.of("gatebench.upstream", "anthropic")), UPSTREAM))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.upstream=anthropic needs ANTHROPIC_API_KEY but it is unset; export "
            + "ANTHROPIC_API_KEY=sk-ant-... (or put it in .env.benchmark.local), or use -Dgatebench.upstream=mock "
            + "for the offline mock");
  }

  @Test
  void startsTheDirectRowAndExplainsWhyInferXgateIsUnavailable() {
    try (Stack stack = Stack.start(config(Map.of("gatebench.gateways", "direct,inferxgate")), UPSTREAM)) {
      assertThat(stack.kind()).isEqualTo("processes");
      assertThat(stack.availability()).extracting(GatewayAvailability::name).containsExactly("direct", "inferxgate");
      Gateway direct = stack.gateway("direct").orElseThrow();
      assertThat(direct.chatCompletionsUrl()).isEqualTo(URI.create("http://127.0.0.1:18080/v1/chat/completions"));
      assertThat(direct.authHeaders()).isEmpty();
      assertThat(direct.pid()).isEmpty();
      assertThat(stack.availability().get(1).unavailableReason()).contains("inferxgate skipped: the processes "
          + "stack runs InferXgate from INFERXGATE_BIN, which is unset; set INFERXGATE_BIN=/path/to/inferxgate, or run "
          + "it in a container (-Dgatebench.stack=containers) from inferxgate/backend:latest or from the image "
          + "gatebench wraps around INFERXGATE_BIN");
      assertThat(stack.gateways()).extracting(Gateway::name).containsExactly("direct");
    }
  }

  @Test
  void explainsWhyTheDirectRowIsMissingAgainstTheRealProvider() {
    BenchConfig config = config(Map.of("gatebench.gateways", "direct", "gatebench.upstream", "anthropic",
        "ANTHROPIC_API_KEY", "sk-ant-test"));
    try (Stack stack = Stack.start(config, UpstreamEndpoint.anthropic())) {
      assertThat(stack.gateways()).isEmpty();
      assertThat(stack.availability().getFirst().unavailableReason().orElseThrow())
          .startsWith("direct skipped: the Direct row calls the mock upstream");
    }
  }

  @Test
  void closeStopsEveryPartEvenWhenOneStopFailsAndReportsTheFailure() throws Exception {
    ManagedProcess first = sleeper("first");
    ManagedProcess second = sleeper("second");
    IllegalStateException stopFailure = new IllegalStateException("cannot stop the broken part");
    Launcher launcher = new FakeLauncher(List.of(first, () -> { throw stopFailure; }, second));
    Stack stack = Stack.start(List.of(), launcher, settings(), UPSTREAM);

    assertThatThrownBy(stack::close).isInstanceOf(StackCloseException.class)
        .hasMessage("stopping the fake stack failed for 1 of 3 parts; the others were stopped: cannot stop the broken part")
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(stopFailure));
    assertThat(first.isAlive()).as("first process after close").isFalse();
    assertThat(second.isAlive()).as("second process after close").isFalse();
    stack.close();
  }

  @Test
  void stopsWhatStartedWhenALaterGatewayFails() throws Exception {
    ManagedProcess started = sleeper("started");
    GatewayKind failing = GatewayKinds.byName("litellm").orElseThrow();
    Launcher launcher = new FakeLauncher(List.of(started)) {
      @Override
      public Gateway launch(GatewayContext row) {
        throw new IllegalStateException("boom");
      }
    };

    assertThatThrownBy(() -> Stack.start(List.of(failing), launcher, settings(), UPSTREAM)).hasMessage("boom");
    assertThat(started.isAlive()).isFalse();
  }

  private ManagedProcess sleeper(String name) throws Exception {
    return ManagedProcess.start(name, List.of("sleep", "60"), Map.of(), logs, logs.resolve(name + ".log"),
        java.time.Duration.ofSeconds(2));
  }

  private GatewaySettings settings() {
    return GatewaySettings.from(config(Map.of()));
  }

  private BenchConfig config(Map<String, String> extra) {
    Map<String, String> props = new HashMap<>(Map.of("gatebench.stack", "processes", "gatebench.logDir",
        logs.toString()));
    props.putAll(extra);
    return BenchConfig.of(props, Map.of(), Map.of());
  }

  /** A launcher that starts nothing and owns the given parts. */
  static class FakeLauncher implements Launcher {
    private final Closer closer = new Closer("the fake stack");

    FakeLauncher(List<AutoCloseable> parts) {
      parts.forEach(closer::register);
    }

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public Gateway launch(GatewayContext row) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      closer.close();
    }
  }

}
