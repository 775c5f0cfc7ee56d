package dev.gatebench.junit;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the method once per gateway row selected by {@code gatebench.gateways}, named
 * {@code <suite> — <gateway>} after the class's suite tag, with the row's {@code Gateway} as a
 * parameter. A row that cannot run on this machine is disabled with its reason and fix, through
 * JUnit's own condition: it shows as skipped on the console, in Maven's summary and in Allure. A row
 * that should have run but failed to start fails with the start's error; the other rows still run.
 *
 * <pre>{@code
 * @EveryGateway
 * void baseline(Gateway gateway, BenchmarkRunner runner) {
 *   runner.run(SUITE, gateway);
 * }
 * }</pre>
 */
@Target(METHOD)
@Retention(RUNTIME)
@TestTemplate
@ExtendWith(GatewayRows.class)
public @interface EveryGateway {}
