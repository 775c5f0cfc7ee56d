package dev.gatebench.junit;

import dev.gatebench.stack.GatewayAvailability;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * One argument per selected gateway row: the started gateway, or a {@link SkippedGateway} (skipped, or
 * failed to start). The
 * session is normally started already by the extension's class callback, whose failure JUnit reports
 * as it is; started here (a suite without {@code @GatewayBenchmark}), a failure is reported as the
 * cause of JUnit's own error.
 */
class GatewayArgumentsProvider implements ArgumentsProvider {

  @Override
  public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
    BenchSession session = BenchSession.of(context);
    return session.availability().stream().map(GatewayArgumentsProvider::argument);
  }

  private static Arguments argument(GatewayAvailability row) {
    return Arguments.of(row.gateway()
        .<Object>map(g -> g)
        .orElseGet(() -> row.startFailure().map(failure -> SkippedGateway.failedToStart(row.name(), failure))
            .orElseGet(() -> new SkippedGateway(row.name(), row.unavailableReason().orElseThrow()))));
  }
}
