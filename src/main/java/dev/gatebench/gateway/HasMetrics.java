package dev.gatebench.gateway;

import java.net.URI;

/** A gateway with a Prometheus endpoint: sampled during runs and scraped by the stack's Prometheus. */
public interface HasMetrics extends GatewayKind {
  /** The endpoint's path, e.g. {@code /metrics}. */
  String metricsPath();

  default URI metricsUrl(URI baseUrl) {
    return baseUrl.resolve(metricsPath());
  }

  /** Its Prometheus scrape job, as YAML items of {@code scrape_configs}, for a row reached at {@code address}. */
  default String scrapeJob(String job, String address) {
    return """
          - job_name: %s
            metrics_path: %s
            static_configs:
              - targets: ['%s']
        """.formatted(job, metricsPath(), address);
  }
}
