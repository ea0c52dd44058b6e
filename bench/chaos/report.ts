/** The chaos run's outcome as a console summary and as docs/reliability.md. */
import { machineDescription } from "../support/report";

import type { Probe } from "./bad-input";
import type { ChaosSettings, runChaosPipeline } from "./pipeline";

interface ChaosOutcome {
  settings: ChaosSettings;
  pipeline: Awaited<ReturnType<typeof runChaosPipeline>>;
  probes: Probe[];
  unchanged: boolean;
  failed: boolean;
}

export function renderReliability({ settings, pipeline, probes, unchanged, failed }: ChaosOutcome) {
  const { checks } = pipeline;
  const verdict = failed ? "**FAILED**" : "**passed**";
  const summary = [
    `chaos ${failed ? "FAILED" : "passed"}: ${settings.orders} orders, ${pipeline.deliveries} deliveries, ${pipeline.killed} worker kills, ` +
      `settled ${pipeline.settled ? `after ${(pipeline.finishedAfter / 1000).toFixed(1)} s` : "NOT within the timeout"}; ` +
      `${checks.transactions} Diller transactions, ${checks.problems.length} problems; ` +
      `bad-input pass ${probes.filter((probe) => probe.ok).length}/${probes.length} as expected, data ${unchanged ? "unchanged" : "CHANGED"}`,
    ...checks.problems.slice(0, 20).map((problem) => `  - ${problem}`),
  ].join("\n");
  const probeRows = probes
    .map(
      (probe) =>
        `| \`${probe.route}\` | ${probe.case} | ${probe.expected.join(" / ")} | ${probe.status} | ${probe.ok ? "ok" : `**wrong**${probe.note ? ` (${probe.note})` : ""}`} |`,
    )
    .join("\n");
  const markdown = `# Reliability

Written by \`npm run chaos\` on ${new Date().toISOString().slice(0, 10)}: ${verdict}.
Size of this run: ${settings.orders} orders, ${settings.workers} worker processes, ${settings.kills} SIGKILLs, seed ${settings.seed}${settings.orders < 1000 ? " (**reduced size**; the full run is `npm run chaos`)" : ""}.
Machine: ${machineDescription()}.

## What the run does

- A fresh PostgreSQL database (created and dropped by the run); pg-boss; ${settings.workers} worker processes
  (\`tests/sync/worker-process.ts\`: the app's sync engine with a 15 s job expiry and 1–2 s retry delays, so a run takes
  minutes, not hours; the production policies only wait longer).
- The orders: paid orders of one customer linked to a Diller member; every tenth is then cancelled (full refund), every
  tenth partly returned (one item), every tenth carries hostile strings in the customer's names and the order note.
- Every delivery is signed and sent one to three times (Shopify's retries with the same event id, some re-sent with a
  new event id), all deliveries shuffled, so cancellations and returns often arrive before the payment. They go through
  the app's receiver (HMAC check, inbox, dispatch) in the orchestrating process.
- The Diller sandbox: 10 % 503 before the operation, about 10 % of the writes (transaction, cancel, refund) answered 503
  after Diller applied them, 5 % 429 with \`Retry-After: 1\`, 0.3 % stalls (the client's 10 s timeout), every access
  token invalidated every 7 s, 20 ms latency.
- One worker process is SIGKILLed every 4 s until ${settings.kills} kills, and replaced.

## Result

| check | result |
|---|---|
| settled (no job queued, active or waiting for a retry; every order final) | ${pipeline.settled ? `yes, after ${(pipeline.finishedAfter / 1000).toFixed(1)} s (deliveries took ${(pipeline.deliveredAfter / 1000).toFixed(1)} s)` : "**no**"} |
| deliveries and their answers | ${pipeline.deliveries}: ${JSON.stringify(pipeline.statuses)} |
| Diller requests, of them faulted (5xx, 429, no answer) | ${pipeline.dillerRequests}, ${pipeline.faultedRequests} |
| worker processes killed | ${pipeline.killed} |
| exactly one correct transaction per paid order, right cancellations and remainders | ${checks.problems.length === 0 ? "yes" : `**${checks.problems.length} problems**`} |
| inbox by status | ${JSON.stringify(checks.inbox)} |
| sandbox contract violations | ${checks.contractViolations} |

${
  checks.problems.length > 0
    ? checks.problems
        .slice(0, 50)
        .map((problem) => `- ${problem}`)
        .join("\n")
    : ""
}

## Bad-input pass (the production server over HTTP)

Each request must get the answer in "expected"; afterwards orders, customer links, shops and accepted webhooks must be
unchanged: **${unchanged ? "unchanged" : "CHANGED"}**. Routes not on this build answer 404 and are reported as
"n/a (not present)". A signed but malformed delivery, and one for a shop that has not installed the app, are answered
200 and stored with the reason (status INVALID / IGNORED) on purpose: Shopify would retry the same bytes for 48 hours.

| route | case | expected | answer | |
|---|---|---|---|---|
${probeRows}

## Reproduce

\`\`\`sh
npm run chaos                              # full size: 1,000 orders, 5 kills
npm run chaos -- --orders 200 --kills 1    # the reduced size CI runs (.ci/run)
\`\`\`
`;
  return { summary, markdown };
}
