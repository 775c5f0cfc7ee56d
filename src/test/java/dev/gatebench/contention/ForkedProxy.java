package dev.gatebench.contention;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A proxy main class of the test sources in a JVM of its own; its first line of output is its URL. */
final class ForkedProxy implements AutoCloseable {
  private final Process process;
  private final String url;

  private ForkedProxy(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Starts {@code mainClass upstream} with a small serial-GC heap, waiting up to 20 s for its URL. */
  static ForkedProxy start(Class<?> mainClass, String upstream) throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms16m", "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass.getName(),
        upstream);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String url = CompletableFuture.supplyAsync(() -> readLine(out), Thread::startVirtualThread)
          .get(20, TimeUnit.SECONDS);
      if (url == null) throw new IllegalStateException(mainClass.getSimpleName() + " exited before printing its URL");
      return new ForkedProxy(process, url.trim());
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  long pid() {
    return process.pid();
  }

  String url() {
    return url;
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
