// The scenario gatebench's cross-validation runs with both k6 and gatebench (scripts/bench-load.sh).
// EXECUTOR=constant-arrival-rate RATE=200 DURATION=30s, or EXECUTOR=constant-vus VUS=50 DURATION=30s.
import { chatCompletion, summaryFile } from "./lib/measure.js";

const executor = __ENV.EXECUTOR || "constant-arrival-rate";
const duration = __ENV.DURATION || "30s";
const scenario = executor === "constant-vus"
  ? { executor, vus: Number(__ENV.VUS || 50), duration }
  : {
      executor,
      rate: Number(__ENV.RATE || 200),
      timeUnit: "1s",
      duration,
      preAllocatedVUs: Number(__ENV.VUS || 200),
      maxVUs: Number(__ENV.MAX_VUS || 2000),
    };

export const options = { scenarios: { crosscheck: scenario }, summaryTrendStats: ["min", "avg", "med", "p(90)", "p(95)", "p(99)", "max", "count"] };

export default function () {
  chatCompletion(__ITER, "crosscheck");
}

export function handleSummary(data) {
  return { [summaryFile("crosscheck")]: JSON.stringify(data, null, 2) };
}
