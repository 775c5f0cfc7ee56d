package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirTest {
  @TempDir Path tempRoot;

  @Test
  void isReadableByItsOwnerOnlyAndNamesThisJvm() throws Exception {
    try (PrivateDir dir = PrivateDir.create(tempRoot)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path()))).isEqualTo("rwx------");
      assertThat(dir.path().getFileName().toString())
          .startsWith("gatebench-stack-" + ProcessHandle.current().pid() + "-");
    }
  }

  @Test
  void closingRemovesItWithEverythingInsideAndASecondCloseDoesNothing() throws Exception {
    PrivateDir dir = PrivateDir.create(tempRoot);
    Files.createDirectories(dir.path().resolve("nested"));
    Files.writeString(dir.path().resolve("nested").resolve("litellm-config.yaml"), "model_list: []");

    dir.close();
    dir.close();

    assertThat(dir.path()).doesNotExist();
  }

  @Test
  void theNextStartRemovesFoldersLeftByAJvmThatIsGoneAndKeepsTheOthers() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path orphan = Files.createDirectories(tempRoot.resolve("gatebench-stack-" + gone.pid() + "-123"));
    Files.writeString(orphan.resolve("litellm-config.yaml"), "left by a killed JVM");
    Path live = Files.createDirectories(tempRoot.resolve("gatebench-stack-" + ProcessHandle.current().pid() + "-456"));
    Path unrelated = Files.createDirectories(tempRoot.resolve("gatebench-stack-789"));

    try (PrivateDir fresh = PrivateDir.create(tempRoot)) {
      assertThat(orphan).as("folder of a JVM that no longer runs").doesNotExist();
      assertThat(live).as("folder of a running JVM").isDirectory();
      assertThat(unrelated).as("folder not named by a pid").isDirectory();
      assertThat(fresh.path()).isDirectory();
    }
  }
}
