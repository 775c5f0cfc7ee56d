package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import dev.gatebench.report.ComparisonReport;
import dev.gatebench.stack.Stack;
import dev.gatebench.upstream.MockUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway added in test sources only ({@link EchoProxyKind}, listed in this module's test
 * resources) is selected by {@code gatebench.gateways}, started by the stack, measured, written as a
 * result and compared in the report like a built-in one; and so is a variant of it.
 */
@Tag("slow")
class TestSourcesGatewayTest {
  @TempDir Path dir;

  @Test
  void isFoundAfterTheBuiltInKindsAndRunsOnlyWhenNamed() {
    assertThat(GatewayKinds.names()).as("kinds on the class path").endsWith("echo")
        .startsWith("direct", "nginx", "litellm", "inferxgate", "portkey", "bifrost");
    assertThat(GatewayKinds.select(List.of())).extracting(GatewayRow::name).as("rows of an unset gatebench.gateways")
        .doesNotContain("echo").contains("direct", "litellm");
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void runsAShortScenarioAndAppearsInItsResultAndInTheReport() throws Exception {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.stack", "processes", "gatebench.gateways",
        "direct,echo,echo[threads=4]", "gatebench.logDir", dir.resolve("logs").toString()), Map.of(), Map.of());
    Path results = Files.createDirectories(dir.resolve("results"));
    List<RunResult> runs = new ArrayList<>();
    try (MockUpstream mock = MockUpstream.builder().outputTokens(5).start();
        Stack stack = Stack.start(config, UpstreamEndpoint.mock(mock.baseUrl(), mock.caCertificatePem()))) {
      assertThat(stack.gateways()).extracting(Gateway::name).containsExactly("direct", "echo", "echo[threads=4]");
      for (Gateway gateway : stack.gateways()) {
        RunResult run = StandardMetrics.runner(LoadEngine.of(ChatRequestFactory.of("m", 5, 0.7, false)))
            .run("plugin", new Target(gateway.name(), gateway.chatCompletionsUrl(), gateway.authHeaders()),
                Scenario.perVuIterations(1, 5).thinkTime(Duration.ofMillis(10)));
        RunResultJson.write(run, results);
        runs.add(run);
      }
      assertThat(stack.gateway("echo[threads=4]").orElseThrow().facts()).containsEntry("threads", 4)
          .containsEntry("variant", Map.of("threads", "4"));
    }

    assertThat(runs).allSatisfy(run -> assertThat(run.metric(MetricNames.REQUESTS_SUCCESS)
        .map(m -> m.value("count").orElse(0)).orElse(0.0)).as("%s successes", run.target()).isEqualTo(5.0));
    assertThat(results).isDirectoryContaining("glob:**/plugin-echo-2*.json")
        .isDirectoryContaining("glob:**/plugin-echo-threads-4-*.json");
    ComparisonReport.Written report = ComparisonReport.write(ComparisonReport.readResults(results), dir.resolve("report"));
    assertThat(Files.readString(report.markdown())).contains("| echo |").contains("| echo[threads=4] |");
  }
}
