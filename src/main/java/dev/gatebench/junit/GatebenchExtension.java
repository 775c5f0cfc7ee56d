package dev.gatebench.junit;

import dev.gatebench.report.gate.BaselineStore;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The harness's session extension. Before a suite class's tests it starts the JVM-wide
 * {@link BenchSession} (once) and checks the class's baseline, so that a mistake fails the class
 * with gatebench's own message as the first line, before any load; JUnit reports an exception of
 * a class callback as it is, where one thrown while supplying arguments arrives wrapped. It resolves
 * {@link BenchmarkRunner} parameters against the session. After the class's tests it runs the
 * regression gate for the class's suite and rewrites the comparison report.
 */
public final class GatebenchExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    BenchSession session = BenchSession.of(context);
    if (session.config().flag("gatebench.updateBaseline", false)) return;
    session.config().get("gatebench.baseline").ifPresent(location ->
        BaselineStore.read(Path.of(location), SuiteClasses.name(context.getRequiredTestClass())));
  }

  /** The suite's regression gate and the report so far; a regression fails this suite class. */
  @Override
  public void afterAll(ExtensionContext context) {
    BenchSession.ifStarted(context).ifPresent(s -> s.finishSuite(context.getRequiredTestClass()));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == BenchmarkRunner.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new BenchmarkRunner(BenchSession.of(context).run(), context.getRequiredTestClass());
  }
}
