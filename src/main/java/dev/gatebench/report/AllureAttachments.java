package dev.gatebench.report;

import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Attaches files (result JSON, report.html, report.md) to the running Allure test. A no-op outside
 * an Allure test case (e.g. in an {@code AfterAll} without allure-junit5, or a plain main), so
 * callers need not check. Thread-safe as Allure's lifecycle is.
 */
public final class AllureAttachments {
  private AllureAttachments() {}

  /**
   * @param file the file to attach; must exist
   * @param name the title in the Allure report, e.g. {@code "comparison report"}
   * @param mimeType e.g. {@code "text/html"}, {@code "application/json"}, {@code "text/markdown"}
   * @return true if Allure accepted it, false when no Allure lifecycle could take it
   */
  public static boolean attach(Path file, String name, String mimeType) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("cannot attach " + file + " to Allure: no such file");
    }
    if (!allureTestRunning()) return false;
    try (InputStream in = Files.newInputStream(file)) {
      Allure.addAttachment(name, mimeType, in, extension(file));
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to attach it to Allure", e);
    } catch (RuntimeException | LinkageError e) {
      return false; // no Allure on the class path or no running test: the report still exists on disk
    }
  }

  /** Allure logs an error for attachments outside a test; ask first instead. */
  static boolean allureTestRunning() {
    try {
      return Allure.getLifecycle().getCurrentTestCaseOrStep().isPresent();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }
}
