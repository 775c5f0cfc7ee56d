package dev.gatebench.stack.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Debian mirror comes from the machine's apt sources, never from gatebench's files. */
class AptSourcesTest {
  @Test
  void readsTheMirrorOfTheSuiteFromDeb822Sources(@TempDir Path apt) throws IOException {
    Files.createDirectories(apt.resolve("sources.list.d"));
    Files.writeString(apt.resolve("sources.list.d/debian.sources"), """
        Types: deb
        URIs: http://security.mirror.test/debian-security
        Suites: bookworm-security
        Components: main

        Types: deb
        # a comment inside the paragraph
        URIs: http://mirror.test/debian
        Suites: bookworm bookworm-updates
        Components: main
        """);

    assertThat(AptSources.mirrorFor(apt, "bookworm")).contains("http://mirror.test/debian");
  }

  @Test
  void readsTheMirrorFromOneLineSourcesWithOptions(@TempDir Path apt) throws IOException {
    Files.writeString(apt.resolve("sources.list"), """
        # deb http://commented.test/debian bookworm main
        deb-src http://source.test/debian bookworm main
        deb [arch=amd64 signed-by=/usr/share/keyrings/x.gpg] http://mirror.test/debian bookworm main contrib
        """);

    assertThat(AptSources.mirrorFor(apt, "bookworm")).contains("http://mirror.test/debian");
  }

  @Test
  void findsNoMirrorWhenNoSourceServesTheSuite(@TempDir Path apt) throws IOException {
    Files.writeString(apt.resolve("sources.list"), "deb http://mirror.test/ubuntu jammy main\n");

    assertThat(AptSources.mirrorFor(apt, "bookworm")).isEmpty();
  }

  @Test
  void carriesOverOnlyFilesThatSetNetworkOptions() {
    assertThat(AptConf.onlyAcquireSettings("Acquire::Check-Valid-Until \"false\";\nAcquire::Check-Date \"false\";\n"))
        .as("Acquire only").isTrue();
    assertThat(AptConf.onlyAcquireSettings("// comment\nDPkg::Post-Invoke { \"rm -f x\"; };\n")).as("a hook").isFalse();
    assertThat(AptConf.onlyAcquireSettings("// nothing but a comment\n")).as("empty").isFalse();
  }
}
