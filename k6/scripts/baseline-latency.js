// baseline: 1 VU, 30 iterations, 1 s think time.
import { sleep } from "k6";
import { chatCompletion, summaryFile } from "./lib/measure.js";

export const options = {
  scenarios: { baseline: { executor: "per-vu-iterations", vus: 1, iterations: 30, maxDuration: "10m" } },
  thresholds: { chat_completion_latency: ["p(95)<30000"], error_rate: ["rate<0.1"] },
};

export default function () {
  chatCompletion(__ITER, "baseline");
  sleep(1);
}

export function handleSummary(data) {
  return { [summaryFile("baseline")]: JSON.stringify(data, null, 2) };
}
