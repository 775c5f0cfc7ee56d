package dev.gatebench.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link RowRunner} parameters of a {@link GatewayBenchmark} suite that runs several
 * scenarios per row: {@code @ExtendWith(RowRunnerExtension.class)} beside {@code @GatewayBenchmark}.
 */
public final class RowRunnerExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RowRunner.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return RowRunner.of(context);
  }
}
