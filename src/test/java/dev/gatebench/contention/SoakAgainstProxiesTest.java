package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.proxies.LeakingProxyMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The soak's memory check on a real run: a proxy in its own JVM that keeps every request body (20 kB each,
 * 40 a second) grows far past the bound by its RSS. About 12 s. {@link DirectSoakTest} is the other side.
 */
class SoakAgainstProxiesTest {
  private static SoakFixture fixture;

  @BeforeAll
  static void startMock() {
    fixture = new SoakFixture();
  }

  @AfterAll
  static void stopMock() {
    fixture.close();
  }

  @Test
  void aProxyThatKeepsEveryRequestBodyIsCaughtGrowing() throws Exception {
    try (ForkedProxy leaking = ForkedProxy.start(LeakingProxyMain.class, fixture.mock.baseUrl().toString())) {
      SoakResult leaky = fixture.soak(ProcessTreeProbe.of(leaking.pid()), leaking.url());

      assertThat(leaky.rssSlopeMiBPer10Min()).as("slope, MiB per 10 minutes; failures %s", leaky.failures())
          .isGreaterThan(SoakFixture.PLAN.rssBoundMiB());
      assertThat(leaky.failures()).as("failed checks").anySatisfy(f -> assertThat(f).startsWith("memory grew"));
      assertThat(leaky.fdMax()).as("descriptors of the proxy's JVM, read from /proc").isPositive();
    }
  }
}
