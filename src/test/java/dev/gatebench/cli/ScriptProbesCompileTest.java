package dev.gatebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java probe the benchmark scripts run from source ({@code java -cp CLASSPATH scripts/lib/X.java})
 * compiles against the main classes and the dependencies, as the scripts give them: a script's probe is
 * compiled only when the script runs, so an API change that breaks it would otherwise go unnoticed until
 * a benchmark stops half-way.
 */
class ScriptProbesCompileTest {
  private static final Path SCRIPTS_LIB = Path.of("scripts", "lib");

  static List<Path> probes() throws IOException {
    try (Stream<Path> files = Files.list(SCRIPTS_LIB)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void findsTheProbesTheScriptsRun() throws IOException {
    assertThat(probes()).as("the .java files in scripts/lib, so the compile test below cannot pass by finding none")
        .contains(SCRIPTS_LIB.resolve("StreamTimingProbe.java"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void compilesAgainstTheMainClassesAndDependencies(Path probe, @TempDir Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      compiled = javac.getTask(null, files, diagnostics,
          List.of("-classpath", mainClasspath(), "-d", out.toString(), "-proc:none", "-encoding", "UTF-8"), null,
          files.getJavaFileObjects(probe)).call();
    }

    assertThat(compiled).as("%s compiles as the scripts run it (java -cp target/classes:<dependencies> %s); javac "
        + "said:%n%s", probe, probe, diagnostics.getDiagnostics().stream().map(d -> d.toString())
        .collect(Collectors.joining(System.lineSeparator()))).isTrue();
  }

  /** The test run's classpath without the test classes: what {@code build_classpath} in bench-common.sh gives. */
  private static String mainClasspath() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
