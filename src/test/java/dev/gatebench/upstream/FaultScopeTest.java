package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A fault plan injected for a while on a running mock, then the one before restored. */
class FaultScopeTest {

  @Test
  void aPlanInjectedAtRunTimeFailsRequestsUntilItsScopeCloses() {
    try (MockUpstream mock = MockUpstream.builder().outputTokens(3).start()) {
      try (MockUpstream.FaultScope scope = mock.injecting(FaultPlan.none().with(FaultKind.SERVER_ERROR, 1.0))) {
        assertThat(mock.faults().rate(FaultKind.SERVER_ERROR)).as("plan in force while injecting").isEqualTo(1.0);
        assertThat(statuses(mock)).as("statuses while injecting").containsOnly(500);
      }
      assertThat(mock.faults()).as("plan after the scope closed").isEqualTo(FaultPlan.none());
      assertThat(statuses(mock)).as("statuses after the scope closed").containsOnly(200);
    }
  }

  @Test
  void closingAScopeTwiceDoesNotUndoALaterOne() {
    try (MockUpstream mock = MockUpstream.builder().start()) {
      MockUpstream.FaultScope first = mock.injecting(FaultPlan.none().with(FaultKind.OVERLOADED, 0.5));
      first.close();
      MockUpstream.FaultScope second = mock.injecting(FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.2));
      first.close();

      assertThat(mock.faults().rate(FaultKind.SERVER_ERROR)).as("the later scope's plan").isEqualTo(0.2);
      second.close();
    }
  }

  private static java.util.List<Integer> statuses(MockUpstream mock) {
    return IntStream.range(0, 5).mapToObj(i -> Http.post(mock.baseUrl(), "/v1/chat/completions", Http.OPENAI_BODY)
        .statusCode()).toList();
  }
}
