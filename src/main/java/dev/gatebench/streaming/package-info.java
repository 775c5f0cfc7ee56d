/**
 * Streaming fidelity: whether a gateway hands a streamed answer on as the upstream sent it. Pure
 * functions over a run's figures ({@link dev.gatebench.streaming.StreamFigures}) and what the mock
 * sent ({@link dev.gatebench.streaming.MockStreams}); the verdict
 * ({@link dev.gatebench.streaming.StreamVerdict}) and the checks a good gateway passes are made by
 * {@link dev.gatebench.streaming.StreamingAssessment#judge}.
 */
package dev.gatebench.streaming;
