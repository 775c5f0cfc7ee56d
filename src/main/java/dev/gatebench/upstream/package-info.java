/**
 * An offline LLM provider for benchmarks: {@link dev.gatebench.upstream.MockUpstream} speaks the
 * Anthropic Messages and OpenAI Chat Completions APIs (JSON and server-sent events) with a seeded
 * {@link dev.gatebench.upstream.LatencyProfile} and {@link dev.gatebench.upstream.FaultPlan}, and
 * terminates TLS for api.anthropic.com and api.openai.com behind HTTP CONNECT so that gateways
 * with hard-coded provider URLs can be pointed at it with {@code HTTPS_PROXY} and a CA file.
 *
 * <p>The package stands alone: it imports no other gatebench package but {@code units} (the one duration
 * syntax, itself importing only the JDK), so it runs embedded in tests, standalone
 * ({@link dev.gatebench.upstream.MockUpstreamMain}) and in a container alike.
 *
 * <p>Request headers steer one request: {@code x-mock-fault} (a {@link dev.gatebench.upstream.FaultKind}
 * short name or {@code none}), {@code x-mock-ttft-ms} and {@code x-mock-itl-ms} (milliseconds).
 */
package dev.gatebench.upstream;
