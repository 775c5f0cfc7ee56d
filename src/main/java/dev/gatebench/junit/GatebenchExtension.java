package dev.gatebench.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The harness's one extension: it resolves {@link BenchmarkRunner} parameters against the JVM-wide
 * {@link BenchSession} and aborts invocations whose gateway could not be started.
 */
public final class GatebenchExtension implements ParameterResolver, InvocationInterceptor {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == BenchmarkRunner.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new BenchmarkRunner(BenchSession.of(context));
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
    for (Object argument : invocationContext.getArguments()) {
      if (argument instanceof SkippedGateway skipped) {
        invocation.skip();
        BenchSession.ifStarted(context).ifPresent(s -> s.recordSkipped(context.getRequiredTestClass(), skipped));
        Assumptions.abort(skipped.reason()); // reasons name the gateway: "inferxgate skipped: ..."
      }
    }
    invocation.proceed();
  }
}
