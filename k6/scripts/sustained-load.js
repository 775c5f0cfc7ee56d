// sustained: 10 VUs for 10 minutes, 1 s think time.
import { sleep } from "k6";
import { chatCompletion, summaryFile } from "./lib/measure.js";

export const options = {
  scenarios: { sustained: { executor: "constant-vus", vus: 10, duration: "10m" } },
  thresholds: { chat_completion_latency: ["p(95)<45000"], error_rate: ["rate<0.1"] },
};

export default function () {
  chatCompletion(__ITER, "sustained");
  sleep(1);
}

export function handleSummary(data) {
  return { [summaryFile("sustained")]: JSON.stringify(data, null, 2) };
}
