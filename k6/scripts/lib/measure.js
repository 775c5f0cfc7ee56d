// The metrics the original suite defines, recorded the same way by every script.
import http from "k6/http";
import { check } from "k6";
import { Counter, Rate, Trend } from "k6/metrics";
import { chatBody, chatUrl, requestParams, settings } from "./target.js";

const latency = new Trend("chat_completion_latency", true);
const firstByte = new Trend("time_to_first_byte", true);
const tokensPerSecond = new Trend("tokens_per_second");
const requests = new Counter("requests_total");
const throughput = new Counter("throughput_total");
const errors = new Rate("error_rate");

function isCompletion(response) {
  try {
    const body = response.json();
    return Array.isArray(body.choices) && body.choices.length > 0;
  } catch (_) {
    return false;
  }
}

export function chatCompletion(iteration, testType) {
  const response = http.post(chatUrl(), chatBody(iteration), requestParams(testType));
  latency.add(response.timings.duration);
  firstByte.add(response.timings.waiting);
  requests.add(1);
  const ok = check(response, {
    "status is 200": (r) => r.status === 200,
    "response has choices": isCompletion,
  });
  errors.add(!ok);
  if (ok) {
    throughput.add(1);
    const usage = response.json().usage;
    if (usage && usage.completion_tokens && response.timings.duration > 0) {
      tokensPerSecond.add(usage.completion_tokens / (response.timings.duration / 1000));
    }
  }
  return ok;
}

export function summaryFile(suite) {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return `${settings.resultsDir}/${suite}-${settings.target}-${stamp}.json`;
}
