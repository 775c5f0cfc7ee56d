// Shared settings of gatebench's k6 scripts: the same variables as .env.benchmark.
export const settings = {
  target: __ENV.TARGET || "inferxgate",
  urls: {
    inferxgate: __ENV.INFERXGATE_URL || "http://localhost:3000",
    litellm: __ENV.LITELLM_URL || "http://localhost:4000",
    direct: __ENV.DIRECT_URL || "http://localhost:8080",
  },
  model: __ENV.TEST_MODEL || "claude-sonnet-4-5-20250929",
  maxTokens: Number(__ENV.TEST_MAX_TOKENS || 100),
  temperature: Number(__ENV.TEST_TEMPERATURE || 0.7),
  masterKey: __ENV.LITELLM_MASTER_KEY || "",
  resultsDir: __ENV.RESULTS_DIR || "k6/results",
};

// The five prompts every suite cycles through.
export const prompts = [
  "What is 2 + 2? Answer with just the number.",
  "Explain the concept of recursion in one sentence.",
  "Write a haiku about programming.",
  "List three benefits of cloud computing.",
  "What is the capital of France?",
];

export function chatUrl() {
  const base = settings.urls[settings.target];
  if (!base) throw new Error(`TARGET must be inferxgate, litellm or direct but was '${settings.target}'`);
  return `${base}/v1/chat/completions`;
}

export function requestParams(testType) {
  const headers = { "Content-Type": "application/json" };
  if (settings.target === "litellm" && settings.masterKey) {
    headers.Authorization = `Bearer ${settings.masterKey}`;
  }
  return { headers, timeout: "120s", tags: { target: settings.target, test_type: testType } };
}

export function chatBody(iteration) {
  return JSON.stringify({
    model: settings.model,
    messages: [{ role: "user", content: prompts[iteration % prompts.length] }],
    max_tokens: settings.maxTokens,
    temperature: settings.temperature,
    stream: false,
  });
}
