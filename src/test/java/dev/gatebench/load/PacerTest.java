package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacerTest {
  private static final long MICROS = 1_000L;
  private static final long MS = 1_000_000L;

  @Test
  void wakesATenthOfTheWaitEarlyAndNeverMoreThanTheCap() {
    assertThat(Pacer.lead(1 * MS)).isEqualTo(100 * MICROS);
    assertThat(Pacer.lead(200 * MICROS)).isEqualTo(20 * MICROS);
    assertThat(Pacer.lead(10_000 * MS)).as("a long wait polls no longer than the cap").isEqualTo(Pacer.MAX_LEAD_NANOS);
  }

  @Test
  void aWaitTooShortForASecondTimerGetsNoLead() {
    assertThat(Pacer.lead(5 * MICROS)).isZero();
    assertThat(Pacer.lead(0)).isZero();
    assertThat(Pacer.lead(-3 * MS)).as("an arrival already late").isZero();
  }

  @Test
  void aLoopBlocksUntilAnArrivalIsNearThenPollsUntilItIsDuePlusTheGrace() throws Exception {
    Pacer pacer = new Pacer();
    AtomicInteger polls = new AtomicInteger();
    IntSupplier selectNow = () -> {
      polls.incrementAndGet();
      return 3;
    };

    assertThat(pacer.calculateStrategy(selectNow, false)).as("nothing near: block").isEqualTo(SelectStrategy.SELECT);
    assertThat(polls).hasValue(0);

    pacer.pollUntil(System.nanoTime() + 1_000 * MS);
    assertThat(pacer.calculateStrategy(selectNow, false)).as("an arrival near: poll, reporting ready events")
        .isEqualTo(3);

    long dueNanos = System.nanoTime() - Pacer.GRACE_NANOS - 1;
    pacer.pollUntil(dueNanos);
    assertThat(pacer.polling(dueNanos + Pacer.GRACE_NANOS - 1)).as("within the grace after the due time").isTrue();
    assertThat(pacer.calculateStrategy(selectNow, false)).as("the grace has passed: block again")
        .isEqualTo(SelectStrategy.SELECT);
  }

  @Test
  void queuedTasksAreRunWithoutBlockingWhetherOrNotAnArrivalIsNear() throws Exception {
    Pacer pacer = new Pacer();

    assertThat(pacer.calculateStrategy(() -> 0, true)).isZero();
  }
}
