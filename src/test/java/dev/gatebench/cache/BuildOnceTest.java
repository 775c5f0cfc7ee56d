package dev.gatebench.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildOnceTest {
  @TempDir Path dir;

  @Test
  void buildsWhenTheMarkerIsMissingAndNotAgainOnceTheBuildWroteIt() throws IOException {
    Path marker = dir.resolve("venv/.marker");
    List<String> builds = new ArrayList<>();
    BuildOnce.Build<IOException> build = () -> {
      builds.add("build");
      Files.createDirectories(marker.getParent());
      Files.writeString(marker, "1.0\n");
    };

    boolean first = BuildOnce.ensure(dir.resolve("locks/venv.lock"), () -> Files.exists(marker), build);
    boolean second = BuildOnce.ensure(dir.resolve("locks/venv.lock"), () -> Files.exists(marker), build);

    assertThat(first).as("first call built").isTrue();
    assertThat(second).as("second call built").isFalse();
    assertThat(builds).as("builds run").hasSize(1);
    assertThat(dir.resolve("locks/venv.lock")).as("the lock file, created with its folder").exists();
  }

  @Test
  void doesNotBuildWhatAnotherRunFinishedWhileThisOneWaitedForTheLock() throws IOException {
    AtomicInteger asked = new AtomicInteger();
    List<String> builds = new ArrayList<>();

    boolean built = BuildOnce.ensure(dir.resolve("image.lock"), () -> asked.incrementAndGet() > 1,
        () -> builds.add("build"));

    assertThat(built).as("built by this call").isFalse();
    assertThat(builds).as("builds run").isEmpty();
    assertThat(asked).as("times the marker was read: before and under the lock").hasValue(2);
  }

  @Test
  void aBuildCutShortIsDoneAgainByTheNextCall() throws Exception {
    List<String> builds = new ArrayList<>();
    assertThatThrownBy(() -> BuildOnce.<IllegalStateException>ensure(dir.resolve("x.lock"), () -> false, () -> {
      builds.add("failed");
      throw new IllegalStateException("network down");
    })).hasMessage("network down");

    boolean built = BuildOnce.ensure(dir.resolve("x.lock"), () -> false, () -> builds.add("again"));

    assertThat(built).as("the second call built").isTrue();
    assertThat(builds).containsExactly("failed", "again");
  }
}
