package dev.gatebench.gateway;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a stack gives a gateway kind to describe its process.
 *
 * @param context the row's settings, its own and the run's
 * @param upstream what the gateway calls
 * @param port the free port on 127.0.0.1 it must listen on, 1..65535
 * @param privateDir a directory of this row only, readable by this user only (0700), for files holding secrets
 */
public record ProcessRequest(GatewayContext context, UpstreamEndpoint upstream, int port, Path privateDir) {
  public ProcessRequest {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(privateDir, "privateDir");
    if (port < 1 || port > 65_535) throw new IllegalArgumentException("port must be in 1..65535 but was " + port);
  }
}
