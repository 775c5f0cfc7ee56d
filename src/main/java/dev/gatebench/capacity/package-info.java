/**
 * Capacity at a latency bound: an open-model rate sweep per row ({@link dev.gatebench.capacity.SweepPlan}),
 * each step a constant-arrival-rate run, its p99 compared with the Direct row's at the same rate
 * ({@link dev.gatebench.capacity.KneeRule}); the sweep stops once the row is past its knee and
 * reports the highest rate that held the bound ({@link dev.gatebench.capacity.Sweep},
 * {@link dev.gatebench.capacity.CapacityResult}).
 */
package dev.gatebench.capacity;
