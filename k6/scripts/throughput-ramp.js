// throughput: ramp 1 → 5 → 10 → 20 → 30 → 50 VUs, hold, ramp down; 0.5 s think time.
import { sleep } from "k6";
import { chatCompletion, summaryFile } from "./lib/measure.js";

export const options = {
  scenarios: {
    throughput: {
      executor: "ramping-vus",
      startVUs: 1,
      stages: [
        { duration: "30s", target: 5 },
        { duration: "1m", target: 10 },
        { duration: "1m", target: 20 },
        { duration: "1m", target: 30 },
        { duration: "1m", target: 50 },
        { duration: "30s", target: 50 },
        { duration: "30s", target: 0 },
      ],
      gracefulRampDown: "30s",
    },
  },
  thresholds: { chat_completion_latency: ["p(95)<60000"], error_rate: ["rate<0.2"] },
};

export default function () {
  chatCompletion(__ITER, "throughput");
  sleep(0.5);
}

export function handleSummary(data) {
  return { [summaryFile("throughput")]: JSON.stringify(data, null, 2) };
}
