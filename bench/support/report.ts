/** The benchmark's figures as a console table and as docs/performance.md. */
import { cpus, loadavg, totalmem } from "node:os";

import type { DatabaseProvider } from "../../app/env.server";
import type { ThroughputRun } from "./pipeline";
import type { RouteFigures } from "./routes";
import type { SyncCpuFigures } from "./sync-cpu";

type Summary = {
  count: number;
  ok: number;
  failed: number;
  failedOrOver5s: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
};

export type ProviderFigures =
  | { provider: DatabaseProvider; skipped: string }
  | {
      provider: DatabaseProvider;
      concurrency: number;
      withWorker: Summary;
      ackOnly: Summary;
      /** Server CPU (user + system, /proc) per acknowledged delivery of the web-only burst. */
      cpuMsPerDelivery: number;
      /** A dedicated worker's CPU and database operations per synced order (bench/support/sync-cpu.ts). */
      syncCpu?: SyncCpuFigures;
      storedOfAcknowledged: { stored: number; acknowledged: number };
      throughput: ThroughputRun;
      /** The same burst at each concurrency of the sweep (the default's run first). */
      sweep: ThroughputRun[];
      contractViolations: number;
    };

interface ScenarioCount {
  calls: number;
  tokens: number;
  byOperation: Record<string, number>;
}

export interface BenchFigures {
  machine: string;
  settings: {
    latencyMs: number;
    inFlight: number;
    ackDeliveries: number;
    orders: number;
    burstSeconds: number;
    dashboardRows: number;
    scenarioOrders: number;
    quick: boolean;
  };
  providers: ProviderFigures[];
  baseline: Summary;
  scenarios?: {
    orders: number;
    results: Record<string, ScenarioCount>;
    contractViolations: number;
    failedOrders: number;
  };
  routes: RouteFigures;
  dashboard: Record<string, { median: number; p95: number }>;
}

export function machineDescription(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${process.platform}; load average at the end of the run ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" / ")} (1 / 5 / 15 min)`;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const fixed = (value: number, digits = 2) => value.toFixed(digits);

export function renderReport(figures: BenchFigures): { table: string; markdown: string } {
  const { settings } = figures;
  const latency = settings.latencyMs;
  const rows: [string, ...string[]][] = [];
  const names = figures.providers.map((entry) => entry.provider);
  const each = (render: (entry: Exclude<ProviderFigures, { skipped: string }>) => string) =>
    figures.providers.map((entry) => ("skipped" in entry ? `skipped: ${entry.skipped}` : render(entry)));

  rows.push([
    "server CPU per acknowledged delivery (web only; comparable under load)",
    ...each(
      (entry) =>
        `${fixed(entry.cpuMsPerDelivery)} ms, ${Math.round(1000 / entry.cpuMsPerDelivery)} deliveries per CPU-second`,
    ),
  ]);
  rows.push([
    "worker CPU and database operations per synced order (dedicated worker, sandbox at 0 ms)",
    ...each((entry) =>
      entry.syncCpu
        ? `${fixed(entry.syncCpu.cpuMsPerOrder)} ms, ${fixed(entry.syncCpu.queriesPerOrder, 1)} operations (${entry.syncCpu.orders} orders)`
        : "not measured",
    ),
  ]);
  rows.push([
    `ack p50 / p99 (wall-clock), a burst of paid orders (see throughput), ${settings.inFlight} in flight, worker running`,
    ...each(
      (entry) =>
        `${ms(entry.withWorker.p50)} / ${ms(entry.withWorker.p99)} (p99 ÷ Diller ${fixed(entry.withWorker.p99 / latency)})`,
    ),
  ]);
  rows.push([
    `ack p50 / p99 (wall-clock), ${settings.ackDeliveries} deliveries, ${settings.inFlight} in flight, web process only`,
    ...each(
      (entry) =>
        `${ms(entry.ackOnly.p50)} / ${ms(entry.ackOnly.p99)} (p99 ÷ Diller ${fixed(entry.ackOnly.p99 / latency)})`,
    ),
  ]);
  rows.push([
    "acknowledged per second (wall-clock), one process (web only)",
    ...each((entry) => `${entry.ackOnly.perSecond.toFixed(0)}/s, non-200: ${entry.ackOnly.failed}`),
  ]);
  rows.push([
    "acknowledged deliveries found in the inbox",
    ...each((entry) => `${entry.storedOfAcknowledged.stored} of ${entry.storedOfAcknowledged.acknowledged}`),
  ]);
  rows.push([
    "paid order → Diller transaction throughput",
    ...each(
      (entry) =>
        `${entry.throughput.orders} orders: ${fixed(entry.throughput.ordersPerSecond)}/s in ${fixed(entry.throughput.seconds, 1)} s; limit ${fixed(entry.throughput.limit)}/s; ratio ${fixed(entry.throughput.ordersPerSecond / entry.throughput.limit)} (${fixed(entry.throughput.ordersPerSecond / entry.throughput.nominalLimit)} of the ${fixed(entry.throughput.nominalLimit)}/s at the nominal ${latency} ms)`,
    ),
  ]);
  rows.push([
    "  Diller calls in flight, mean: whole burst; after its first second",
    ...each(
      (entry) =>
        `${fixed(entry.throughput.inFlight.run, 1)} of ${entry.concurrency}; ${fixed(entry.throughput.inFlight.afterFirstSecond, 1)} of ${entry.concurrency}`,
    ),
  ]);
  rows.push([
    "  limit = concurrency ÷ (calls per order × Diller's measured answer time)",
    ...each(
      (entry) =>
        `${entry.concurrency} ÷ (${fixed(entry.throughput.callsPerOrder)} × ${fixed(entry.throughput.dillerMs / 1000, 4)} s), calls measured in this burst (${Object.entries(
          entry.throughput.callsByOperation,
        )
          .map(([operation, perOrder]) => `${operation} ${fixed(perOrder)}`)
          .join(", ")}); tokens per order ${fixed(entry.throughput.tokensPerOrder, 3)}`,
    ),
  ]);
  rows.push([
    "dashboard loader (loadDashboard) median / p95",
    ...names.map((name) => {
      const entry = figures.dashboard[name];
      return entry
        ? `${entry.median.toFixed(1)} ms / ${entry.p95.toFixed(1)} ms at ${settings.dashboardRows.toLocaleString("en")} orders`
        : "n/a (dashboard run failed)";
    }),
  ]);
  const baseline = figures.baseline;
  const baselineLine = `${ms(baseline.p50)} / ${ms(baseline.p99)} (p99 ÷ Diller ${fixed(baseline.p99 / latency)}); failed or over Shopify's 5 s: ${baseline.failedOrOver5s} of ${baseline.count}`;
  const scenarioLines = figures.scenarios
    ? Object.entries(figures.scenarios.results).map(
        ([name, count]) =>
          `| ${name} | ${fixed(count.calls)} | ${fixed(count.tokens, 2)} | ${Object.entries(count.byOperation)
            .map(([operation, perOrder]) => `${operation} ${fixed(perOrder)}`)
            .join(", ")} |`,
      )
    : ["| n/a (scenario run failed) | | | |"];

  const header = `| | ${names.join(" | ")} |\n|---|${names.map(() => "---").join("|")}|`;
  const sweepTable = renderSweep(figures.providers, names);
  const body = rows.map((row) => `| ${row.join(" | ")} |`).join("\n");
  const table = [
    header,
    body,
    "",
    sweepTable,
    "",
    `baseline (Diller called inside the webhook request), ${settings.orders} orders, ${settings.inFlight} in flight: ack p50 / p99 ${baselineLine}`,
    "",
    "| scenario | Diller calls per order | token requests per order | calls by operation |",
    "|---|---|---|---|",
    ...scenarioLines,
    "",
    `checkout routes: ${figures.routes.checkout}; customer-account routes: ${figures.routes.account}`,
  ].join("\n");

  const markdown = `# Performance

Written by \`npm run bench\`${settings.quick ? " (**quick run: reduced sizes**; rerun without `--quick` for the full figures)" : ""} on ${new Date().toISOString().slice(0, 10)}. A benchmark, not a test: nothing here is asserted in the suite.

## Machine

${figures.machine}. Figures depend on the machine and on what else runs on it. On a shared, loaded machine the
wall-clock figures (latencies, per-second rates) mostly measure the other load; the server CPU per delivery (from
\`/proc\`) is the figure to compare between runs.

## Settings

- The production server (\`npm run build\`, \`node server.mjs\`) on a fresh database per provider, driven over HTTP
  with \`orders/paid\` deliveries signed with the app secret, ${settings.inFlight} requests in flight. The requests are
  built and signed before each burst and sent over ${settings.inFlight} keep-alive connections that a warm-up opened
  (\`bench/support/raw-http.ts\`, docs/decisions/047-direct-sql.md).
- Run with \`NODE_ENV=development\`: the production egress policy allows only Diller's hosts, and the sandbox listens on
  loopback. Nothing on the acknowledgement path depends on NODE_ENV.
- The Diller sandbox (in the benchmark process) adds a fixed ${latency} ms to every answer.
- With the worker: the web process runs the jobs itself (\`JOB_WORKER=inline\`). The concurrency in the tables is
  \`JOB_CONCURRENCY\`: the Diller calls the jobs may have in flight; the worker runs a quarter more jobs than that, so
  one has done its database work when a call returns (docs/decisions/050-diller-call-slots.md). Bursts of
  ${settings.orders} paid orders, or of ${settings.burstSeconds} s at the limit when that is more, without discount codes of a customer linked to her Diller member (a \`CustomerLink\` row, LINKED, as the
  customer sync or the account's join creates it). Web process only: \`JOB_WORKER=off\`, ${settings.ackDeliveries}
  deliveries after ${settings.inFlight} warm-up deliveries.
- Server CPU per acknowledged delivery: user + system CPU of the web-only server process (\`/proc/<pid>/stat\`) over
  its burst, divided by the deliveries. A short burst (quick run) carries more warm-up than
  \`npx tsx bench/ack-cpu.bench.ts --deliveries 2000\`, the reference figure (docs/decisions/041-webhook-fast-path.md).
- Shopify's Admin API is not reachable here: the order sync's product lookup (product type and barcode) fails on the
  first order and then pauses for 30 s at a time, as for a shop whose Admin API fails; with Shopify reachable it asks
  once per variant per 15 minutes (docs/decisions/050-diller-call-slots.md).
- Calls per scenario: the sync engine in one process (tests/sync harness), ${settings.scenarioOrders} orders per scenario.
- Baseline: \`bench/baseline/inline-server.ts\`, **not part of the app**: verifies the HMAC, then searches the member and
  books the transaction in Diller before answering, as some existing integrations do.
- Dashboard: \`bench/dashboard.bench.ts\` with ${settings.dashboardRows.toLocaleString("en")} orders.

## Figures

${header}
${body}

Throughput by worker concurrency (a burst of ${settings.orders} orders, or of ${settings.burstSeconds} s at the limit
when that is more, timed from its first delivery to
Diller's answer to its last call; limit = concurrency ÷ (calls per order × the time the sandbox took to answer, on
average: its fixed ${latency} ms plus its own work); ceiling = 1000 ÷ the server's CPU per order, what one fully busy
core could sync):

${sweepTable}

**Baseline**, ${settings.orders} orders, ${settings.inFlight} in flight: ack p50 / p99 ${baselineLine}.

| scenario | Diller calls per order | token requests per order | calls by operation |
|---|---|---|---|
${scenarioLines.join("\n")}

Storefront routes, sequential requests, the sandbox adding ${latency} ms to every Diller answer; "÷ Diller" is p50 / p99
over that latency (a cached answer needs no Diller call).

- Checkout routes: ${figures.routes.checkout}.
- Customer-account route: ${figures.routes.account}.

## Reproduce

\`\`\`sh
npm run bench                 # full size (PostgreSQL at BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
npm run bench -- --quick      # reduced sizes
npm run bench -- --provider sqlite --latency 150 --in-flight 200 --orders 200 --ack-deliveries 2000 --concurrency 16
npm run bench:sync            # the older in-process sync benchmark
npx tsx bench/ack-cpu.bench.ts --provider postgresql --deliveries 3000   # acknowledgements alone
npx tsx bench/throughput.bench.ts --provider postgresql --concurrency 4,8,16   # throughput per worker concurrency
npx tsx bench/sync-cpu.bench.ts --provider postgresql --orders 100   # a dedicated worker's CPU per order
\`\`\`
`;
  return { table, markdown };
}

function renderSweep(providers: ProviderFigures[], names: string[]): string {
  const runs = providers.flatMap((entry) => ("skipped" in entry ? [] : entry.sweep));
  const levels = [...new Set(runs.map((run) => run.concurrency))].sort((a, b) => a - b);
  const lines = levels.map((level) => {
    const cells = providers.map((entry) => {
      const run = "skipped" in entry ? undefined : entry.sweep.find((candidate) => candidate.concurrency === level);
      if (!run) return "n/a";
      return `${run.orders} orders: ${fixed(run.ordersPerSecond)}/s of limit ${fixed(run.limit)}/s (ratio ${fixed(run.ordersPerSecond / run.limit)}; Diller answered in ${fixed(run.dillerMs, 1)} ms; calls in flight ${fixed(run.inFlight.run, 1)}, ${fixed(run.inFlight.afterFirstSecond, 1)} after the first second); server CPU ${fixed(run.serverCpuMsPerOrder, 1)} ms per order, ceiling ${fixed(1000 / run.serverCpuMsPerOrder, 1)}/s; ack p99 ${ms(run.withWorker.p99)}`;
    });
    return `| ${level} | ${cells.join(" | ")} |`;
  });
  return [`| concurrency | ${names.join(" | ")} |`, `|---|${names.map(() => "---").join("|")}|`, ...lines].join("\n");
}
