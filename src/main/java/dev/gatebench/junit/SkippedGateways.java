package dev.gatebench.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Aborts an invocation whose gateway could not be started, with the reason and the fix, before the
 * suite's body runs, and records the row for the report: it shows as skipped, not as passed.
 */
final class SkippedGateways implements InvocationInterceptor {

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
