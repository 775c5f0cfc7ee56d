package dev.gatebench.junit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns the harness on for a suite class: the stack (mock upstream and gateways) is started once
 * per JVM, gateways are supplied by {@link AllGateways}, and a {@link BenchmarkRunner} parameter
 * runs scenarios, writes results and attaches them to Allure.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Tag("benchmark")
@ExtendWith({GatebenchExtension.class, SkippedGateways.class})
public @interface GatewayBenchmark {}
