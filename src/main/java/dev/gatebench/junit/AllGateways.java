package dev.gatebench.junit;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Supplies every gateway row selected by {@code gatebench.gateways} (default: all) to a
 * {@code @ParameterizedTest}, one invocation each, in a fixed order. A gateway the stack could not
 * start is still supplied; its invocation is aborted with the reason and the fix, so it shows as
 * skipped in the console and in Allure rather than passing silently.
 */
@Target(METHOD)
@Retention(RUNTIME)
@ArgumentsSource(GatewayArgumentsProvider.class)
public @interface AllGateways {}
