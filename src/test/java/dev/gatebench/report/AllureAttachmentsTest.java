package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureAttachmentsTest {
  @TempDir Path dir;
  private final AllureLifecycle previous = Allure.getLifecycle();

  @AfterEach
  void restoreLifecycle() {
    Allure.setLifecycle(previous);
  }

  @Test
  void isANoOpOutsideAnAllureTest() throws Exception {
    Allure.setLifecycle(new AllureLifecycle(new MemoryWriter()));
    Path file = Files.writeString(dir.resolve("report.md"), "# report");
    assertThat(AllureAttachments.attach(file, "comparison", "text/markdown")).isFalse();
  }

  @Test
  void attachesToTheRunningTest() throws Exception {
    MemoryWriter writer = new MemoryWriter();
    AllureLifecycle lifecycle = new AllureLifecycle(writer);
    Allure.setLifecycle(lifecycle);
    lifecycle.scheduleTestCase(new TestResult().setUuid("t1").setName("suite"));
    lifecycle.startTestCase("t1");
    Path file = Files.writeString(dir.resolve("report.html"), "<html></html>");

    assertThat(AllureAttachments.attach(file, "comparison report", "text/html")).isTrue();
    lifecycle.stopTestCase("t1");
    lifecycle.writeTestCase("t1");

    List<Attachment> attachments = writer.results.get(0).getAttachments();
    assertThat(attachments).extracting(Attachment::getName, Attachment::getType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("comparison report", "text/html"));
    assertThat(writer.sources).singleElement().asString().endsWith(".html");
  }

  @Test
  void aMissingFileIsAnError() {
    assertThatThrownBy(() -> AllureAttachments.attach(dir.resolve("nope.html"), "x", "text/html"))
        .hasMessage("cannot attach " + dir.resolve("nope.html") + " to Allure: no such file");
  }

  static final class MemoryWriter implements AllureResultsWriter {
    final List<TestResult> results = new ArrayList<>();
    final List<String> sources = new ArrayList<>();

    @Override public void write(TestResult testResult) { results.add(testResult); }
    @Override public void write(TestResultContainer container) {}
    @Override public void write(String source, InputStream attachment) { sources.add(source); }
  }
}
