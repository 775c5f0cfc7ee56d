package dev.gatebench.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maven's own console for a bad setting: a forked {@code mvn -o} runs failsafe on a tiny project
 * whose only suite is {@link TinyBenchmark} (this build's compiled classes), with three bad settings.
 * About 10 s on an idle machine; skipped, saying why, where {@code mvn} cannot run offline.
 */
@Tag("maven")
class MavenSummaryTest {
  private static final String HEADLINE = "dev.gatebench.config.BenchConfigException: 3 settings to fix before "
      + "gatebench can run (nothing was started): (1) gatebench.timeScale must be in (0, 1] but was '0'";

  @TempDir Path project;

  @Test
  void mavensErrorSummaryShowsGatebenchsMessageWithEveryProblem() throws Exception {
    List<String> console = mvn("-Dgatebench.timeScale=0", "-DTEST_MAX_TOKENS=-5", "-DTEST_TEMPERATURE=hot");

    assertThat(console).as("mvn console").noneMatch(l -> l.contains("does not override"));
    int failure = indexOf(console, "<<< ERROR!");
    assertThat(console.get(failure)).as("failure line").startsWith("[ERROR] dev.gatebench.junit.TinyBenchmark ");
    assertThat(console.get(failure + 1)).as("the line after the failure line").startsWith(HEADLINE);
    String summary = console.get(indexOf(console, "[ERROR] Errors:") + 1);
    assertThat(summary).as("Maven's [ERROR] Errors: summary line")
        .startsWith("[ERROR]   TinyBenchmark » BenchConfig 3 settings to fix before gatebench can run")
        .contains("(2) TEST_MAX_TOKENS must be >= 1 but was -5", "(3) TEST_TEMPERATURE must be a number but was 'hot'");
  }

  private List<String> mvn(String... properties) throws IOException, InterruptedException {
    Files.writeString(project.resolve("pom.xml"), pom());
    List<String> command = new java.util.ArrayList<>(List.of("mvn", "-B", "-ntp", "-o",
        "failsafe:integration-test", "failsafe:verify"));
    command.addAll(Arrays.asList(properties));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("GATEBENCH_") || k.startsWith("TEST_")
        || k.startsWith("MAVEN_OPTS"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      assumeThat(e).as("mvn on PATH").isNull();
      throw e;
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("forked mvn finished").isTrue();
    assumeThat(output).as("mvn -o has every plugin it needs in the local repository")
        .doesNotContain("in offline mode and the artifact");
    return output.lines().toList();
  }

  private static int indexOf(List<String> console, String part) {
    for (int i = 0; i < console.size(); i++) if (console.get(i).contains(part)) return i;
    throw new AssertionError("no line containing '" + part + "' in:\n" + String.join("\n", console));
  }

  /** Failsafe over this build's compiled test classes, with this test's class path. */
  private String pom() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String elements = Arrays.stream(classPath.split(File.pathSeparator))
        .map(e -> "<additionalClasspathElement>" + e + "</additionalClasspathElement>")
        .collect(Collectors.joining("\n"));
    Path testClasses = Path.of(TinyBenchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    String junit = org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion();
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>dev.gatebench.check</groupId>
          <artifactId>tiny</artifactId>
          <version>1</version>
          <dependencies>
            <dependency>
              <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter-engine</artifactId>
              <version>%s</version><scope>test</scope>
            </dependency>
          </dependencies>
          <build><plugins><plugin>
            <artifactId>maven-failsafe-plugin</artifactId><version>3.5.2</version>
            <configuration>
              <testClassesDirectory>%s</testClassesDirectory>
              <includes><include>**/TinyBenchmark.java</include></includes>
              <additionalClasspathElements>%s</additionalClasspathElements>
              <argLine>--enable-native-access=ALL-UNNAMED</argLine>
              <trimStackTrace>true</trimStackTrace>
            </configuration>
          </plugin></plugins></build>
        </project>
        """.formatted(junit, testClasses, elements);
  }
}
