package dev.gatebench.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Ends an invocation whose gateway was not started before the suite's body runs, and records the row
 * for the report: skipped with the reason and the fix when it cannot run here, failed with the start's
 * failure when it should have run. Never shown as passed.
 */
final class SkippedGateways implements InvocationInterceptor {

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
    for (Object argument : invocationContext.getArguments()) {
      if (argument instanceof SkippedGateway skipped) {
        invocation.skip();
        BenchSession.ifStarted(context).ifPresent(s -> s.recordSkipped(context.getRequiredTestClass(), skipped));
        if (skipped.startFailure().isPresent()) throw skipped.startFailure().get();
        Assumptions.abort(skipped.reason()); // reasons name the gateway: "inferxgate skipped: ..."
      }
    }
    invocation.proceed();
  }
}
