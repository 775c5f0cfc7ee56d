package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ContainerSettingsTest {

  @Test
  void theOriginalStacksPostgresAndRedisStartWithEveryRunByDefault() {
    assertThat(ContainerSettings.from(BenchConfig.of(Map.of(), Map.of(), Map.of())).services())
        .as("gatebench.containers.services unset").containsExactly("postgres", "redis");
  }

  static Stream<Arguments> servicesSettings() {
    return Stream.of(Arguments.of("none", List.of()), Arguments.of("redis", List.of("redis")),
        Arguments.of(" Redis , postgres ", List.of("postgres", "redis")));
  }

  @ParameterizedTest(name = "{0} starts {1}")
  @MethodSource("servicesSettings")
  void readsTheServicesToStartInTheComposeFilesOrder(String raw, List<String> started) {
    assertThat(ContainerSettings.services(raw)).as("services of '%s'", raw).isEqualTo(started);
  }

  @Test
  void refusesAServiceTheComposeFileHasNotNamingTheChoices() {
    assertThatThrownBy(() -> ContainerSettings.services("postgres,mysql")).isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.containers.services must list services of [postgres, redis] or be none but was "
            + "'postgres,mysql'; e.g. -Dgatebench.containers.services=postgres,redis (the default: the original "
            + "stack's), or none to start only what a gateway needs");
  }
}
