package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.ResourceLimit;
import dev.gatebench.gateway.UpstreamEndpoint;
import dev.gatebench.load.Scenario;
import dev.gatebench.run.BenchRun;
import dev.gatebench.run.RowResult;
import dev.gatebench.run.Suite;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.utility.DockerImageName;

/**
 * A gateway container killed by its own 32 MiB memory limit in the middle of a 60 s row, for real: a
 * perl chat-completion responder in the Debian base image that, after answering its first
 * {@value #OOM_AFTER_POSTS} requests of the row, allocates about 200 MB in its own process. Skipped where no
 * Docker engine answers or the base image is missing.
 */
@Tag("docker")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ContainerOomMidRowTest {
  static final int OOM_AFTER_POSTS = 100;
  private static final long LIMIT_BYTES = 32L << 20;
  private static final Duration ROW = Duration.ofSeconds(60);
  private static final Suite SUITE = Suite.of(Scenario.constantVus(5, ROW).thinkTime(Duration.ofMillis(50)))
      .named("oom");
  private static final UpstreamEndpoint NO_UPSTREAM = new UpstreamEndpoint(URI.create("http://127.0.0.1:9"),
      Optional.empty(), Optional.empty(), false);
  /**
   * Reads each request whole (headers and body), answers one chat completion, and on POST number N+1 grows;
   * listens on 127.0.0.1:$PORT. The processes stack's test runs it too.
   */
  static final String GROWING_RESPONDER = "exec perl -MIO::Socket::INET -e '"
      + "$s=IO::Socket::INET->new(LocalAddr=>\"127.0.0.1\",LocalPort=>$ENV{PORT},Listen=>64,ReuseAddr=>1) or die $!;"
      + "$b=q({\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":"
      + "{\"role\":\"assistant\",\"content\":\"4\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,"
      + "\"completion_tokens\":1,\"total_tokens\":2}});"
      + "while($c=$s->accept){$n=0;$l=<$c>;$p++ if $l=~/^POST/;"
      + "while(<$c>){$n=$1 if /^Content-Length:\\s*(\\d+)/i;last if /^\\r?\\n$/}read($c,$x,$n) if $n;"
      // computed from the count, so that perl cannot fold a 200 MB constant at compile time
      + "$m=\"a\" x (2_000_000*$p) if $p>" + OOM_AFTER_POSTS + ";"
      + "print $c \"HTTP/1.0 200 OK\\r\\nContent-Type: application/json\\r\\nContent-Length: \".length($b)"
      + ".\"\\r\\n\\r\\n$b\";close $c}'";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aGatewayContainerOomKilledMidRowEndsItsRowWithinSecondsSayingSoAndItsResultIsKept() throws Exception {
    DockerEngine engine = DockerHere.engineOrSkip();
    String image = DockerHere.imageOrSkip(engine, DockerHere.BASE_IMAGE);
    StubKind hog = StubKind.scripted("hog", image, GROWING_RESPONDER,
        Optional.of(new ResourceLimit(1_000_000_000L, LIMIT_BYTES)));
    BenchConfig config = BenchConfig.of(Map.of("gatebench.logDir", dir.resolve("logs").toString(),
        "gatebench.resultsDir", dir.resolve("results").toString(), "TEST_MODEL", "m"), Map.of(), Map.of());
    String run;
    try (ContainerStack stack = new ContainerStack(GatewaySettings.from(config), ContainerSettings.from(config),
        engine, name -> DockerImageName.parse(image), NO_UPSTREAM)) {
      Gateway gateway = stack.launch(StubKind.row(hog));
      String id = (String) gateway.facts().get(Stack.CONTAINER_ID);
      run = engine.inspect(id).at("/Config/Labels").path(ContainerRun.RUN).asText();
      String name = engine.inspect(id).path("Name").asText().replace("/", "");

      RowResult row = new BenchRun(config, Optional.empty(), Map.of()).run(SUITE, gateway);

      String reason = "gateway Stub hog (container " + name + ") was OOM-killed by its 32 MiB memory limit (exit 137)";
      assertThat(row.failure()).as("the row's failure").hasValueSatisfying(failure -> assertThat(failure)
          .startsWith("oom against hog was aborted after ").contains(": " + reason + "; its log: docker logs " + name)
          .contains("Its result so far is in " + row.file()));
      assertThat(row.result().testRunDurationMs()).as("ms the %s row ran", ROW).isLessThan(15_000);
      JsonNode kept = JSON.readTree(row.file().toFile());
      assertThat(kept.at("/environment/abortedBy").asText()).as("abortedBy of the result on disk").startsWith(reason);
      assertThat(kept.at("/environment/container/ended").asText()).as("how the sampled container ended")
          .isEqualTo("the container was OOM-killed by its 32 MiB memory limit (exit 137)");
      // the check before the row was the first POST the responder answered
      assertThat(kept.at("/metrics/requests_success/values/count").asLong()).as("requests answered before the kill")
          .isEqualTo(OOM_AFTER_POSTS - 1);
    }
    assertThat(DockerHere.docker("ps", "-aq", "--filter", "label=" + ContainerRun.RUN + "=" + run))
        .as("containers of the run after the stack closed").isEmpty();
  }
}
