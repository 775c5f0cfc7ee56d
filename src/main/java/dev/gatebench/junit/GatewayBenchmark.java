package dev.gatebench.junit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns the harness on for a suite class: the stack (mock upstream and gateways) is started once
 * per JVM, an {@link EveryGateway} method runs once per gateway row ({@link AllGateways} supplies rows
 * to a {@code @ParameterizedTest}), and a {@link BenchmarkRunner} parameter runs the class's declared
 * {@code Suite}, writes results and attaches them to Allure. The class's {@code @Tag} other than
 * {@code benchmark} is the suite's name, e.g. {@code @Tag("baseline")}.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Tag("benchmark")
@ExtendWith({GatebenchExtension.class, SkippedGateways.class})
public @interface GatewayBenchmark {}
