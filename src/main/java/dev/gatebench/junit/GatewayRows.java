package dev.gatebench.junit;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.stack.GatewayAvailability;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** The invocations of an {@link EveryGateway} method: one per gateway row of the JVM's session. */
final class GatewayRows implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getRequiredTestMethod().isAnnotationPresent(EveryGateway.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    String suite = SuiteClasses.name(context.getRequiredTestClass());
    return BenchSession.of(context).availability().stream().map(row -> new Row(suite, row));
  }

  /** One row: its display name, its gateway as a parameter, and the condition that skips it when unavailable. */
  private record Row(String suite, GatewayAvailability row) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return suite + " — " + row.gateway().map(Gateway::displayName)
          .orElse(row.name() + (row.startFailure().isPresent() ? " (failed to start)" : " (skipped)"));
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Available(row), new GatewayParameter(row));
    }
  }

  /**
   * Disables an unavailable row with its reason ("inferxgate skipped: ...") and keeps it for the report;
   * a row that failed to start stays enabled, so that it fails (see {@link SkippedGateways}).
   */
  private record Available(GatewayAvailability row) implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (row.isAvailable()) return ConditionEvaluationResult.enabled(row.name() + " started");
      if (row.startFailure().isPresent()) return ConditionEvaluationResult.enabled(row.name() + " failed to start");
      String reason = row.unavailableReason().orElseThrow();
      BenchSession.ifStarted(context).ifPresent(s -> s.recordSkipped(context.getRequiredTestClass(),
          new SkippedGateway(row.name(), reason)));
      return ConditionEvaluationResult.disabled(reason);
    }
  }

  private record GatewayParameter(GatewayAvailability row) implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == Gateway.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return row.gateway().<Gateway>map(g -> g).orElseGet(() -> SkippedGateway.failedToStart(row.name(),
          row.startFailure().orElseThrow()));
    }
  }
}
