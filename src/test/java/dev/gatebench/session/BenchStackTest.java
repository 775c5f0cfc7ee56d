package dev.gatebench.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchStackTest {

  @Test
  void startsTheMockAndTheDirectRowAndStopsTheMockOnClose() {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.gateways", "direct", "gatebench.stack", "processes",
        "gatebench.mock.ttft", "5ms", "gatebench.mock.itl", "1ms"), Map.of(), Map.of());

    BenchStack stack = BenchStack.start(config);
    int port = stack.mock().orElseThrow().port();
    try {
      assertThat(stack.availability()).singleElement()
          .satisfies(row -> assertThat(row.gateway().orElseThrow().chatCompletionsUrl().getPort()).isEqualTo(port));
      assertThat(stack.upstreamFacts()).containsEntry("kind", "mock").containsKey("mock");
    } finally {
      stack.close();
    }
    assertThat(accepts(port)).as("mock port after close").isFalse();
  }

  @Test
  void realUpstreamWithoutApiKeyIsOneClearError() {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.upstream", "anthropic", "gatebench.gateways", "litellm",
        "gatebench.stack", "processes"), Map.of(), Map.of());

    assertThatThrownBy(() -> BenchStack.start(config))
        .isInstanceOf(BenchConfigException.class)
        .hasMessageContaining("ANTHROPIC_API_KEY");
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
