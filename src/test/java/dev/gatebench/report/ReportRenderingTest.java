package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in headless Chromium, offline, and checks that the charts were drawn as SVG
 * with the expected series, that the page is not blank, and that it asked the network for nothing.
 */
class ReportRenderingTest {
  @TempDir static Path dir;
  static Path html;

  @BeforeAll
  static void writeReport() {
    html = ComparisonReport.of(ComparisonReportTest.fixtureRuns())
        .withSkipped(List.of(new SkippedRow("throughput", "litellm", "failed: readiness timed out after 120 s")))
        .write(dir.resolve("report")).html();
  }

  @Test
  void chartsRenderAsSvgWithTheirSeries() throws Exception {
    Chromium.assumeInstalled();
    String rendered = Chromium.renderedDom(html, dir, "dom");

    assertThat(rendered).contains("data-charts-done=\"true\"");
    assertThat(count(rendered, "<svg")).as("3 charts for baseline, 4 for the throughput ramp").isEqualTo(7);
    assertThat(count(rendered, "<path")).as("series lines and axes").isGreaterThan(50);
    assertThat(rendered).as("legends name every series").contains(">direct<", ">litellm<", ">inferxgate<",
        ">litellm p95<", ">inferxgate req/s<", ">direct p50<");
    assertThat(rendered).as("percentile axis labels").contains(">90%<", ">99%<", ">99.9%<", ">50%<");
    assertThat(rendered).contains("failed: readiness timed out after 120 s");
  }

  @Test
  void screenshotIsNotBlank() throws Exception {
    Chromium.assumeInstalled();
    Chromium.Pixels shot = Chromium.screenshot(html, dir, dir.resolve("report.png"));

    System.out.printf("screenshot: %d x %d, %.1f%% non-white, %d coloured pixels%n", shot.width(), shot.height(),
        100.0 * shot.nonWhite() / shot.total(), shot.coloured());
    assertThat(shot.width()).as("screenshot width").isEqualTo(1400);
    assertThat(shot.nonWhite()).as("text, tables and charts").isGreaterThan(shot.total() / 50);
    assertThat(shot.coloured()).as("series lines in ECharts' palette").isGreaterThan(2_000);
  }

  @Test
  void thePageRequestsNothingFromTheNetwork() throws Exception {
    String page = Files.readString(html);
    assertThat(page).doesNotContainPattern("(?i)(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//");
    assertThat(page).doesNotContainPattern("(?i)@import|url\\(\\s*[\"']?https?:");
    Chromium.assumeInstalled();
    Set<String> browserOwn = hostsRequestedBy(Files.writeString(dir.resolve("blank.html"), "<p>blank</p>"), "blank");
    Path leaky = Files.writeString(dir.resolve("leaky.html"), "<img src=\"http://leak.gatebench.invalid/x.png\">");

    assertThat(hostsRequestedBy(leaky, "leaky")).as("control: the net log does show a page's request")
        .contains("leak.gatebench.invalid");
    Set<String> byReport = hostsRequestedBy(html, "report");
    byReport.removeAll(browserOwn);
    byReport.removeIf(ReportRenderingTest::isChromiumService);
    assertThat(byReport).as("hosts the report page asked for, beyond Chromium's own background traffic").isEmpty();
  }

  /** Hosts in Chromium's net log while it loads {@code page} (the browser's own traffic included). */
  private static Set<String> hostsRequestedBy(Path page, String name) throws Exception {
    Path netLog = dir.resolve("net-" + name + ".json");
    Chromium.run(page, Files.createDirectories(dir.resolve("profile-" + name)), "--dump-dom",
        dir.resolve(name + ".dom"), netLog);
    Set<String> hosts = new TreeSet<>();
    for (String url : urls(Files.readString(netLog))) {
      Matcher m = Pattern.compile("(?i)^(?:https?|wss?|ftp)://([^/:?#]+)").matcher(url);
      if (m.find()) hosts.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    return hosts;
  }

  /** Update checks, clock sync and account probes that Chromium makes whatever the page. */
  private static boolean isChromiumService(String host) {
    return host.endsWith("google.com") || host.endsWith("googleapis.com") || host.endsWith("gvt1.com")
        || host.endsWith("gstatic.com");
  }

  private static List<String> urls(String netLog) {
    Matcher m = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]*)\"").matcher(netLog);
    List<String> urls = new java.util.ArrayList<>();
    while (m.find()) urls.add(m.group(1));
    return urls;
  }

  private static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }
}
