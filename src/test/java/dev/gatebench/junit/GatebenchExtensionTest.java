package dev.gatebench.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.gatebench.gateway.Direct;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.RunningGateway;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

class GatebenchExtensionTest {
  static final List<String> ran = new ArrayList<>();

  @Test
  void abortsAnInvocationWhoseGatewayWasSkippedWithItsReasonAndRunsTheOthers() {
    ran.clear();

    var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SkipCase.class)).execute()
        .testEvents();

    events.assertThatEvents()
        .haveExactly(1, event(test(), abortedWithReason(message(
            "inferxgate skipped: no Docker engine and INFERXGATE_BIN is unset; set INFERXGATE_BIN=/path"))))
        .haveExactly(1, event(test(), finishedSuccessfully()));
    assertThat(ran).as("suite bodies that ran").containsExactly("direct");
  }

  @Test
  void suiteNameIsTheTagThatIsNotBenchmark() {
    assertThat(SuiteClasses.name(SkipCase.class)).isEqualTo("baseline");
  }

  @Tag("benchmark")
  @Tag("baseline")
  @ExtendWith(SkippedGateways.class)
  static class SkipCase {
    static Stream<Gateway> gateways() {
      return Stream.of(new SkippedGateway("inferxgate",
              "inferxgate skipped: no Docker engine and INFERXGATE_BIN is unset; set INFERXGATE_BIN=/path"),
          new RunningGateway(new Direct(), URI.create("http://127.0.0.1:9"), Map.of(), "mock", Map.of(),
              Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("gateways")
    void suite(Gateway gateway) {
      ran.add(gateway.name());
    }
  }
}
