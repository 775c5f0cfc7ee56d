package dev.gatebench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.gateway.Direct;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.RunningGateway;
import dev.gatebench.load.AbortSignal.Traffic;
import dev.gatebench.stack.ContainerExit;
import dev.gatebench.stack.ProcessExit;
import dev.gatebench.stack.Stack;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a gateway's end is worded in a row's abort reason, with the engine's answers and exit statuses given. */
class GatewayLivenessTest {
  private static final String ID = "492189ec4d4af076e414c05898d9f3c78a3349c096999c8d764ca58d6c1ea243";
  private static final String NAME = "gatebench-litellm-6f1c2a90";
  private static final Gateway GATEWAY = new RunningGateway(new Direct(), URI.create("http://127.0.0.1:40123"),
      Map.of(), "test", Map.of(Stack.CONTAINER_ID, ID), Optional.empty());
  private static final Traffic ANSWERED = new Traffic(Duration.ofSeconds(5), Duration.ZERO);
  private static final Traffic JUST_REFUSED = new Traffic(Duration.ofSeconds(5), Duration.ofMillis(200));
  private static final Traffic REFUSED_LONG = new Traffic(Duration.ofSeconds(9), Duration.ofSeconds(3));

  private final List<String> asked = new ArrayList<>();

  @Test
  void aContainerOomKilledByItsLimitEndsTheRowAtTheFirstRefusalSayingSo() {
    GatewayLiveness liveness = liveness(new ContainerExit.Seen(NAME, true,
        "was OOM-killed by its 1024 MiB memory limit (exit 137)"));

    assertThat(liveness.reason(JUST_REFUSED)).as("reason after the first refused connection").contains("gateway "
        + GATEWAY.displayName() + " (container " + NAME + ") was OOM-killed by its 1024 MiB memory limit (exit 137); "
        + "its log: docker logs " + NAME + " (until the run ends and removes it)");
  }

  @Test
  void aProcessOomKilledByItsLimitEndsTheRowSayingSoAndAPlainKillSaysItsSignal() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Gateway gateway = new RunningGateway(new Direct(), URI.create("http://127.0.0.1:40123"), Map.of(), "test",
        Map.of("log_file", "target/gatebench-logs/direct.log"), Optional.of(ended.toHandle()));
    GatewayLiveness oomKilled = new GatewayLiveness(gateway, Duration.ofSeconds(3), "3s",
        p -> Optional.of(new ProcessExit(137, 1, 64L << 20)));
    GatewayLiveness killed = new GatewayLiveness(gateway, Duration.ofSeconds(3), "3s",
        p -> Optional.of(new ProcessExit(137, 0, 64L << 20)));

    assertThat(oomKilled.reason(ANSWERED)).as("reason once the process was OOM-killed").contains("gateway "
        + gateway.displayName() + " (pid " + ended.pid() + ") was OOM-killed by its 64 MiB memory limit (exit 137); "
        + "its log: target/gatebench-logs/direct.log");
    assertThat(killed.reason(ANSWERED)).as("reason once the process was killed by another hand").contains("gateway "
        + gateway.displayName() + " (pid " + ended.pid() + ") exited with status 137 (killed by signal 9); "
        + "its log: target/gatebench-logs/direct.log");
  }

  @Test
  void theEngineIsNotAskedWhileTheGatewayAnswers() {
    GatewayLiveness liveness = liveness(new ContainerExit.Seen(NAME, true, "exited with 1"));

    assertThat(liveness.reason(ANSWERED)).as("reason while answered").isEmpty();
    assertThat(asked).as("containers asked of the engine").isEmpty();
  }

  @Test
  void aRunningOrUninspectableContainerEndsTheRowOnlyAfterDeadAfterAndSaysWhatTheEngineSaid() {
    GatewayLiveness running = liveness(new ContainerExit.Seen(NAME, false, "is running"));
    GatewayLiveness unknown = liveness(new ContainerExit.Seen(NAME, false,
        "could not be inspected: no answer from the Docker engine"));

    assertThat(running.reason(JUST_REFUSED)).as("a running container, refused for 0.2 s").isEmpty();
    assertThat(running.reason(REFUSED_LONG)).as("a running container, refused for 3 s").contains("gateway "
        + GATEWAY.displayName() + " stopped answering at http://127.0.0.1:40123: every connection was refused for "
        + "3.0 s (gatebench.deadAfter=3s); its container " + NAME + " is running; its log: docker logs " + NAME
        + " (until the run ends and removes it)");
    assertThat(unknown.reason(REFUSED_LONG)).as("an engine that does not answer")
        .hasValueSatisfying(reason -> assertThat(reason).contains("its container " + NAME + " could not be "
            + "inspected: no answer from the Docker engine"));
    assertThat(asked).as("container ids asked of the engine").containsOnly(ID);
  }

  private GatewayLiveness liveness(ContainerExit.Seen seen) {
    return new GatewayLiveness(GATEWAY, Duration.ofSeconds(3), "3s", p -> Optional.empty(), id -> {
      asked.add(id);
      return Optional.of(seen);
    });
  }
}
