package dev.gatebench.stack.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order local → pull → build, against a Docker engine in memory. */
class ImageResolverTest {
  private static final String REDIS = "redis:7-alpine";
  private static final String LITELLM = "ghcr.io/berriai/litellm:main-v1.106.12";

  @TempDir Path tmp;
  private final FakeDocker docker = new FakeDocker();
  private final List<String> console = new ArrayList<>();
  private final List<String> bootstraps = new ArrayList<>();
  private final Map<String, String> settings = new HashMap<>();

  private ImageResolver resolver() {
    settings.putIfAbsent("gatebench.logDir", tmp.resolve("logs").toString());
    settings.putIfAbsent("gatebench.cacheDir", tmp.resolve("cache").toString());
    Bootstrapper bootstrapper = tag -> {
      bootstraps.add(tag);
      docker.importRootfs(tmp, tag);
    };
    return new ImageResolver(BenchConfig.of(settings, Map.of(), Map.of()), docker, bootstrapper, console::add,
        tmp.resolve("no-ca-bundle.crt"));
  }

  private String redisTag() {
    return new ImagePlans(BenchConfig.of(settings, Map.of(), Map.of())).plan(StackImage.REDIS).build().orElseThrow().tag();
  }

  @Test
  void usesTheImageOnTheEngineWithoutPullingOrBuilding() {
    docker.present.add(REDIS);

    ResolvedImage image = resolver().resolve("redis");

    assertThat(image.reference()).as("reference").isEqualTo(REDIS);
    assertThat(image.source()).isEqualTo(ResolvedImage.Source.LOCAL);
    assertThat(docker.calls).as("docker calls").containsExactly("exists " + REDIS);
  }

  @Test
  void usesAnEquivalentBuiltBeforeRatherThanAskingTheRegistry() {
    docker.present.add(redisTag());

    ResolvedImage image = resolver().resolve(StackImage.REDIS);

    assertThat(image.reference()).isEqualTo(redisTag());
    assertThat(image.isLocalEquivalent()).isTrue();
    assertThat(docker.calls).as("docker calls").noneMatch(call -> call.startsWith("pull") || call.startsWith("build"));
  }

  @Test
  void pullsTheOfficialImageWhenTheEngineLacksIt() {
    docker.pullable.add(REDIS);

    ResolvedImage image = resolver().resolve(StackImage.REDIS);

    assertThat(image.source()).isEqualTo(ResolvedImage.Source.PULLED);
    assertThat(docker.calls).as("docker calls").containsExactly("exists " + REDIS, "exists " + redisTag(), "pull " + REDIS);
  }

  @Test
  void buildsTheEquivalentOnThePresentBaseWhenThePullFails() {
    docker.present.add(BaseImage.TAG);

    ResolvedImage image = resolver().resolve(StackImage.REDIS);

    assertThat(image.source()).isEqualTo(ResolvedImage.Source.BUILT);
    assertThat(image.reference()).matches("gatebench/redis:7\\.0-[0-9a-f]{8}");
    assertThat(docker.calls).as("docker calls").containsSubsequence("pull " + REDIS, "exists " + BaseImage.TAG,
        "build " + image.reference());
    assertThat(docker.lastContextFiles).as("build context").containsExactly("Dockerfile", "entrypoint.sh", "host-ca.crt");
    assertThat(console).as("console").first().asString()
        .isEqualTo("building image " + image.reference() + " from compose/images/redis (under a minute, once)");
    assertThat(console).as("console").anyMatch(line -> line.startsWith("  Step 1/2"))
        .last().asString().startsWith("built " + image.reference() + " in ");
  }

  @Test
  void buildsLiteLlmAtTheConfiguredVersion() {
    docker.present.add(BaseImage.TAG);
    settings.put("gatebench.litellm.version", "1.80.0");

    ResolvedImage image = resolver().resolve(StackImage.LITELLM);

    assertThat(image.official()).isEqualTo("ghcr.io/berriai/litellm:main-v1.80.0");
    assertThat(image.reference()).matches("gatebench/litellm:1\\.80\\.0-[0-9a-f]{8}");
    assertThat(docker.calls).contains("build " + image.reference() + " {LITELLM_VERSION=1.80.0}");
  }

  @Test
  void tagsDebianAsTheBaseWhenItCanBePulled() {
    docker.pullable.add(BaseImage.UPSTREAM);

    resolver().resolve(StackImage.REDIS);

    assertThat(docker.calls).contains("tag " + BaseImage.UPSTREAM + " " + BaseImage.TAG);
    assertThat(bootstraps).as("bootstraps").isEmpty();
  }

  @Test
  void bootstrapsTheBaseOnceWhenDebianCannotBePulled() {
    ImageResolver resolver = resolver();

    resolver.resolve(StackImage.REDIS);
    resolver.resolve(StackImage.POSTGRES);

    assertThat(bootstraps).as("bootstraps").containsExactly(BaseImage.TAG);
    assertThat(docker.calls).filteredOn(call -> call.startsWith("build")).hasSize(2);
  }

  @Test
  void failsWithOneLineNamingTheImageItsSettingAndTheChoices() {
    docker.present.add(BaseImage.TAG);
    docker.buildFailure = "docker build failed: E: Unable to locate package python3-venv";

    assertThatThrownBy(() -> resolver().resolve(StackImage.LITELLM))
        .isInstanceOf(ImageUnavailableException.class)
        .hasMessage("image 'litellm' is unavailable: " + LITELLM + " is not on this Docker engine, pulling it failed ("
            + FakeDocker.NO_REGISTRY + "), and building its equivalent " + litellmTag() + " from compose/images/litellm"
            + " failed (docker build failed: E: Unable to locate package python3-venv). Choices: pull " + LITELLM
            + " where a registry answers, docker save it there and docker load it here; or set gatebench.image.litellm"
            + " (GATEBENCH_IMAGE_LITELLM) to an image this engine has; or run without containers:"
            + " -Dgatebench.stack=processes")
        .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
  }

  private String litellmTag() {
    return new ImagePlans(BenchConfig.of(settings, Map.of(), Map.of())).plan(StackImage.LITELLM).build().orElseThrow().tag();
  }

  @Test
  void saysWhyTheBaseIsMissingWhenItCannotBeBootstrapped() {
    Bootstrapper noRoot = tag -> { throw new ImageStepException("bootstrapping it with debootstrap needs root"); };
    settings.put("gatebench.logDir", tmp.toString());
    settings.put("gatebench.cacheDir", tmp.resolve("cache").toString());
    ImageResolver resolver = new ImageResolver(BenchConfig.of(settings, Map.of(), Map.of()), docker, noRoot,
        console::add, tmp.resolve("none"));

    assertThatThrownBy(() -> resolver.resolve(StackImage.REDIS)).isInstanceOf(ImageUnavailableException.class)
        .hasMessageContaining("failed (its base gatebench/debian-base:bookworm is missing: pulling debian:bookworm-slim"
            + " failed (" + FakeDocker.NO_REGISTRY + ") and bootstrapping it with debootstrap needs root)");
  }

  @Test
  void neverBuildsSomethingElseInPlaceOfAConfiguredImage() {
    docker.present.add(BaseImage.TAG);
    settings.put("gatebench.image.redis", "example.org/team/redis:7.2");

    assertThatThrownBy(() -> resolver().resolve(StackImage.REDIS)).isInstanceOf(ImageUnavailableException.class)
        .hasMessageContaining("example.org/team/redis:7.2 is not on this Docker engine")
        .hasMessageContaining("and gatebench.image.redis names it, so nothing is built in its place.");
    assertThat(docker.calls).as("docker calls").noneMatch(call -> call.startsWith("build"));
  }

  @Test
  void reportsCadvisorAsHavingNoLocalEquivalent() {
    docker.present.add(BaseImage.TAG);

    assertThatThrownBy(() -> resolver().resolve(StackImage.CADVISOR)).isInstanceOf(ImageUnavailableException.class)
        .hasMessageContaining("and it has no local equivalent (Debian bookworm has no cadvisor package to build it from)")
        .hasMessageContaining("set gatebench.image.cadvisor (GATEBENCH_IMAGE_CADVISOR)");
  }

  @Test
  void wrapsOnlyTheInferXgateBinaryThatInferxgateBinNames() throws IOException {
    docker.present.add(BaseImage.TAG);
    assertThatThrownBy(() -> resolver().resolve(StackImage.INFERXGATE))
        .hasMessageContaining("INFERXGATE_BIN does not name an InferXgate binary to wrap");

    Path binary = Files.writeString(tmp.resolve("inferxgate-built-elsewhere"), "#!/bin/sh\n");
    settings.put("INFERXGATE_BIN", binary.toString());
    ResolvedImage image = resolver().resolve(StackImage.INFERXGATE);

    assertThat(image.reference()).matches("gatebench/inferxgate:local-[0-9a-f]{8}");
    assertThat(docker.lastContextFiles).as("build context").containsExactly("Dockerfile", "host-ca.crt", "inferxgate");
  }

  @Test
  void asksARegistryThatGaveNoAnswerOnlyOnce() {
    docker.present.add(BaseImage.TAG);
    docker.pullFailure = "no answer within 10 s";
    ImageResolver resolver = resolver();

    resolver.resolve(StackImage.REDIS);
    resolver.resolve(StackImage.POSTGRES);

    assertThat(docker.calls).as("docker calls").filteredOn(call -> call.startsWith("pull")).containsExactly("pull " + REDIS);
  }

  @Test
  void remembersAnAnswerForTheLifeOfTheResolver() {
    ImageResolver resolver = resolver();
    assertThatThrownBy(() -> resolver.resolve(StackImage.CADVISOR)).isInstanceOf(ImageUnavailableException.class);
    int callsAfterFirst = docker.calls.size();

    assertThatThrownBy(() -> resolver.resolve(StackImage.CADVISOR)).isInstanceOf(ImageUnavailableException.class);

    assertThat(docker.calls).as("docker calls").hasSize(callsAfterFirst);
  }

  @Test
  void declaresALocalEquivalentASubstituteForTheOfficialImage() {
    ResolvedImage image = new ResolvedImage(StackImage.POSTGRES, "gatebench/postgres:15-0123abcd", "postgres:18-alpine",
        ResolvedImage.Source.BUILT);

    assertThat(image.dockerImageName().isCompatibleWith(org.testcontainers.utility.DockerImageName.parse("postgres")))
        .as("compatible with postgres").isTrue();
  }

  @Test
  void namesTheRegistryOfAnImage() {
    assertThat(ImageResolver.registryOf("redis:7-alpine")).isEqualTo(ImageResolver.DEFAULT_REGISTRY);
    assertThat(ImageResolver.registryOf("prom/prometheus:v2.47.0")).isEqualTo(ImageResolver.DEFAULT_REGISTRY);
    assertThat(ImageResolver.registryOf(LITELLM)).isEqualTo("ghcr.io");
    assertThat(ImageResolver.registryOf("localhost:5000/redis")).isEqualTo("localhost:5000");
  }
}
