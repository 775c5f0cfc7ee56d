package dev.gatebench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.load.LoadEngine;
import dev.gatebench.load.Scenario;
import dev.gatebench.load.StandardMetrics;
import dev.gatebench.load.Target;
import dev.gatebench.proxies.FaultyProxy;
import dev.gatebench.proxies.FaultyProxy.Behaviour;
import dev.gatebench.upstream.LatencyProfile;
import dev.gatebench.upstream.MockUpstream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The key flood on real runs through the load engine: a proxy that checks keys lets none of the invalid
 * ones reach the mock (Direct has no keys, so this is the good reference); one that forwards every key lets
 * them all through. About 3 s a run.
 */
class KeyFloodAgainstProxiesTest {
  private static final KeyFlood.Shape SHAPE = new KeyFlood.Shape(
      Scenario.constantArrivalRate(10, Duration.ofSeconds(1), Duration.ofSeconds(1)).preAllocatedVus(4),
      Scenario.constantArrivalRate(40, Duration.ofSeconds(1), Duration.ofSeconds(1)).preAllocatedVus(8));
  private static final Map<String, String> VALID = Map.of("Authorization", "Bearer " + FaultyProxy.KEY);
  private static MockUpstream mock;

  @BeforeAll
  static void start() {
    mock = MockUpstream.builder().latency(LatencyProfile.fixed(Duration.ofMillis(20), Duration.ofMillis(1)))
        .outputTokens(10).start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void aProxyThatChecksKeysLetsNoInvalidKeyReachTheMock() throws IOException {
    try (FaultyProxy proxy = FaultyProxy.start(mock.baseUrl(), Behaviour.CHECKS_KEYS)) {
      KeyFloodResult result = flood(proxy.chatCompletionsUrl());

      assertThat(result.floodSent()).as("invalid-key requests sent; %s", result).isGreaterThanOrEqualTo(30);
      assertThat(result.invalidUpstream()).as("invalid-key requests that reached the mock").isZero();
      assertThat(result.marksPassThrough()).as("valid requests' marks seen by the mock").isTrue();
      assertThat(result.floodedErrorRate()).as("valid requests failed during the flood").isZero();
    }
  }

  @Test
  void aProxyThatForwardsEveryKeyLetsTheWholeFloodReachTheMock() throws IOException {
    try (FaultyProxy proxy = FaultyProxy.start(mock.baseUrl(), Behaviour.FORWARDS_BAD_KEYS)) {
      KeyFloodResult result = flood(proxy.chatCompletionsUrl());

      assertThat(result.invalidUpstream()).as("invalid-key requests that reached the mock; %s", result)
          .isEqualTo(result.floodSent()).isGreaterThanOrEqualTo(30);
    }
  }

  @Test
  void aRowWithoutCredentialsHasNoKeysToFlood() {
    assertThat(KeyFlood.invalidHeaders(Map.of("x-portkey-provider", "anthropic"))).as("headers without a key").isEmpty();
    assertThat(KeyFlood.invalidHeaders(VALID).orElseThrow()).as("headers with a bearer key")
        .containsEntry("Authorization", "Bearer " + KeyFlood.INVALID_KEY);
  }

  private static KeyFloodResult flood(URI url) {
    Target valid = new Target("row", url, VALID);
    Target invalid = new Target("row", url, KeyFlood.invalidHeaders(VALID).orElseThrow());
    KeyFlood.Driver driver = (name, target, scenario, prompts) -> StandardMetrics.runner(LoadEngine.of(
        ChatRequestFactory.of("claude-sonnet-4-5-20250929", 10, 0.7, false, prompts))).run(name, target, scenario);
    return KeyFlood.run(valid, invalid, mock.counters(), SHAPE, "keyflood", driver, driver).result();
  }
}
