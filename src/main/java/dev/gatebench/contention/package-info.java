/**
 * What a gateway does under contention and over time, judged against the Direct row in the same run:
 * short requests beside long streams ({@link dev.gatebench.contention.HeadOfLine}), overhead against prompt
 * size ({@link dev.gatebench.contention.PayloadSweep}), and memory and file descriptors over a soak with
 * upstream faults ({@link dev.gatebench.contention.MemorySampler}, {@link dev.gatebench.contention.SoakResult}).
 * Knows nothing of JUnit, gateways or the run layer: it is handed loads to run and readings to take.
 */
package dev.gatebench.contention;
