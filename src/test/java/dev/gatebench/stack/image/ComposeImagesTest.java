package dev.gatebench.stack.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatebench.gateway.GatewaySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The compose file and the image settings name the same images, and Docker's compose accepts the file. */
class ComposeImagesTest {
  private static final Path COMPOSE = Path.of("compose/docker-compose.benchmark.yml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest(name = "{0}: GATEBENCH_IMAGE_<NAME> with the official default")
  @EnumSource(StackImage.class)
  void eachServiceRunsTheImageOfItsSetting(StackImage image) throws IOException {
    JsonNode services = YAML.readTree(COMPOSE.toFile()).get("services");

    assertThat(services.at("/" + image.key() + "/image").asText()).as(image.key() + "'s image")
        .isEqualTo("${GATEBENCH_IMAGE_" + image.key().toUpperCase(Locale.ROOT) + ":-"
            + image.officialReference(GatewaySettings.LITELLM_VERSION) + "}");
  }

  @Test
  void dockerComposeAcceptsTheFileAndTakesALocalImageFromTheEnvironment() throws Exception {
    List<String> compose = composeCommand().orElse(List.of());
    assumeTrue(!compose.isEmpty(), "neither 'docker compose' nor 'docker-compose' is installed"
        + " (apt-get install docker-compose); the compose file is not checked");
    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of("-f", COMPOSE.toString(), "config"));

    Shell.Result result = Shell.run(command, Map.of("GATEBENCH_IMAGE_REDIS", "gatebench/redis:7.0-0123abcd"),
        Duration.ofSeconds(60));

    assertThat(result.exitCode()).as(String.join(" ", command) + " said: " + result.output()).isZero();
    JsonNode services = YAML.readTree(result.output()).get("services");
    assertThat(services.at("/redis/image").asText()).as("redis from the environment").isEqualTo("gatebench/redis:7.0-0123abcd");
    assertThat(services.at("/litellm/image").asText()).as("litellm's default")
        .isEqualTo("ghcr.io/berriai/litellm:main-v" + GatewaySettings.LITELLM_VERSION);
  }

  private static Optional<List<String>> composeCommand() throws ImageStepException {
    if (Shell.onPath("docker") && Shell.run(List.of("docker", "compose", "version"), Map.of(), Duration.ofSeconds(20)).ok()) {
      return Optional.of(List.of("docker", "compose"));
    }
    return Shell.onPath("docker-compose") ? Optional.of(List.of("docker-compose")) : Optional.empty();
  }
}
