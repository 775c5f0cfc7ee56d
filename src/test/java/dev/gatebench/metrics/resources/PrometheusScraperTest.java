package dev.gatebench.metrics.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusScraperTest {
  static final String EXPOSITION = """
      # HELP http_requests_total Total HTTP requests.
      # TYPE http_requests_total counter
      http_requests_total{method="POST",path="/v1/chat/completions",status="200"} 1027 1395066363000
      http_requests_total{status="500",path="/v1/chat/completions",method="POST"} 3
      # TYPE active_connections gauge
      active_connections 12
      # TYPE request_duration_seconds histogram
      request_duration_seconds_bucket{le="0.05"} 24054
      request_duration_seconds_bucket{le="+Inf"} 144320
      request_duration_seconds_sum 53423.5
      request_duration_seconds_count 144320
      odd_label{msg="a \\"quoted\\", {braced} value"} 1.5e3
      not_a_number NaN
      """;

  @Test
  void parsesCountersGaugesAndHistogramSeriesWithSortedLabels() {
    Map<String, Double> samples = PrometheusScraper.parse(EXPOSITION);

    assertThat(samples)
        .containsEntry("http_requests_total{method=\"POST\",path=\"/v1/chat/completions\",status=\"200\"}", 1027.0)
        .containsEntry("http_requests_total{method=\"POST\",path=\"/v1/chat/completions\",status=\"500\"}", 3.0)
        .containsEntry("active_connections", 12.0)
        .containsEntry("request_duration_seconds_bucket{le=\"+Inf\"}", 144320.0)
        .containsEntry("request_duration_seconds_sum", 53423.5)
        .containsEntry("request_duration_seconds_count", 144320.0)
        .containsEntry("odd_label{msg=\"a \\\"quoted\\\", {braced} value\"}", 1500.0)
        .hasSize(9);
    assertThat(samples.get("not_a_number")).isNaN();
  }

  @Test
  void deltaCountsNewSeriesFromZero() {
    Map<String, Double> delta = PrometheusScraper.delta(
        Map.of("requests", 10.0, "gone", 1.0), Map.of("requests", 25.0, "errors", 2.0));
    assertThat(delta).containsOnly(Map.entry("requests", 15.0), Map.entry("errors", 2.0));
  }

  @Test
  void keepsFiniteDeltasInTheRunsEnvironment() {
    dev.gatebench.metrics.RunResult run = dev.gatebench.report.RunResultFixture.run("baseline", "inferxgate").build();
    Map<String, Double> delta = new java.util.LinkedHashMap<>(Map.of("requests_total", 300.0));
    delta.put("not_a_number", Double.NaN);
    assertThat(PrometheusScraper.addTo(run, delta).environment())
        .containsEntry(PrometheusScraper.ENVIRONMENT_KEY, Map.of("requests_total", 300.0));
  }

  @Test
  void namesTheLineItCannotParse() {
    assertThatThrownBy(() -> PrometheusScraper.parse("ok 1\nbroken{a=\"b\" 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Prometheus exposition line 2 is not 'name{labels} value': broken{a=\"b\" 2");
  }

  @Test
  void scrapesAMetricsEndpointOverHttp() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = EXPOSITION.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
      assertThat(new PrometheusScraper(Duration.ofSeconds(5)).scrape(url)).containsEntry("active_connections", 12.0);
    } finally {
      server.stop(0);
    }
  }
}
