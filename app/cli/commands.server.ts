import { parseArgs } from "node:util";

import { z } from "zod";

import { createTranslator, isMessageKey } from "~/i18n/translate";
import { jobNames, type JobName } from "~/jobs/definitions";
import { resealSessionTokens } from "~/security/session-tokens.server";
import { ConnectionInputSchema } from "~/shops/connection.server";
import { reconcileShop } from "~/sync/reconcile.server";
import { countOrderSyncs, listOrderSyncs, retryOrderSyncs } from "~/sync/sync-status.server";

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `usage: npm run cli -- <command> [options]
  connect    --shop S --store-id ID --api-key KEY [--environment production|prerelease|custom] [--base-url URL] [--department ID] [--enable]
  status     --shop S [--state PENDING|SENT|CANCELLED|SKIPPED|FAILED] [--limit N]
  retry      --shop S (--order ID [--order ID ...] | --all-failed)
  reconcile  --shop S [--since ISO-DATE]
  enable     --shop S
  disable    --shop S
  jobs       [--queue ${jobNames.join("|")}] [--state queued|active|retry|failed|completed|cancelled]
  rotate-keys`;

const ShopOption = z.object({
  shop: z
    .string({ error: "is required" })
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a *.myshopify.com domain"),
});
const OrderState = z.enum(["PENDING", "SENT", "CANCELLED", "SKIPPED", "FAILED"]);
const JobState = z.enum(["queued", "active", "retry", "failed", "completed", "cancelled"]);

const english = createTranslator("en");

/** The shared connection schema speaks in message keys; an operator reads them in English. */
function issueText(text: string): string {
  return isMessageKey(text) ? english.render({ key: text }) : text;
}

/** Runs one CLI command; returns the process exit code. Bad arguments are explained, not thrown. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (error) {
    if (error instanceof z.ZodError) {
      io.err(error.issues.map((issue) => `--${issue.path.join(".") || "argument"}: ${issue.message}`).join("\n"));
      return 2;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    allowPositionals: false,
    strict: true,
    options: {
      shop: { type: "string" },
      "store-id": { type: "string" },
      "api-key": { type: "string" },
      environment: { type: "string" },
      "base-url": { type: "string" },
      department: { type: "string" },
      enable: { type: "boolean" },
      state: { type: "string" },
      limit: { type: "string" },
      order: { type: "string", multiple: true },
      "all-failed": { type: "boolean" },
      since: { type: "string" },
      queue: { type: "string" },
    },
  });
  // The composition root reads and validates the environment: only load it for a real command.
  const app = await import("~/shopify.server");
  const shop = () => ShopOption.parse({ shop: values.shop }).shop;

  switch (command) {
    case "connect": {
      const input = ConnectionInputSchema.safeParse({
        environment: values.environment ?? (values["base-url"] ? "custom" : "production"),
        customBaseUrl: values["base-url"],
        storeId: values["store-id"],
        apiKey: values["api-key"],
        departmentId: values.department,
      });
      if (!input.success) {
        io.err(input.error.issues.map((issue) => `${issue.path.join(".")}: ${issueText(issue.message)}`).join("\n"));
        return 2;
      }
      const { apiKey } = input.data;
      if (!apiKey) {
        io.err(`apiKey: ${issueText("onboarding.errors.apiKeyRequired")}`);
        return 2;
      }
      const result = await app.connectShop(shop(), { ...input.data, apiKey }, { enable: values.enable });
      // A department chosen here completes the admin's onboarding as well.
      if (result.saved && input.data.departmentId) {
        await app.db.shop.update({ where: { shop: shop() }, data: { onboardedAt: new Date() } });
      }
      if (!result.saved) {
        io.err(`Not connected (${result.test.problem}): ${result.test.message}`);
        return 1;
      }
      io.out(
        `Connected ${shop()} to Diller store ${result.test.store.store_name ?? input.data.storeId}${values.enable ? " and enabled the integration" : " (integration still off: run enable)"}`,
      );
      return 0;
    }
    case "status": {
      const counts = await countOrderSyncs(app.db, shop());
      io.out(
        Object.entries(counts)
          .map(([state, count]) => `${state.padEnd(10)} ${count}`)
          .join("\n"),
      );
      const state = values.state ? OrderState.parse(values.state) : undefined;
      const { rows } = await listOrderSyncs(app.db, shop(), { state, limit: values.limit ? Number(values.limit) : 20 });
      for (const row of rows) {
        io.out(
          [
            row.orderName ?? row.orderId,
            row.state,
            `attempts ${row.attempts}`,
            row.externalId ?? "-",
            row.totalSent ? `${row.totalSent} ${row.currency ?? ""}` : "",
            row.reason ?? "",
          ].join("  "),
        );
      }
      return 0;
    }
    case "retry": {
      if (!values["all-failed"] && !values.order?.length) {
        io.err("retry needs --order ID or --all-failed");
        return 2;
      }
      const count = await retryOrderSyncs(
        app.db,
        app.jobQueue,
        shop(),
        values["all-failed"] ? { allFailed: true } : { orderIds: values.order ?? [] },
      );
      io.out(`${count} order(s) queued again`);
      return 0;
    }
    case "reconcile": {
      const since = values.since ? z.coerce.date().parse(values.since) : undefined;
      const result = await reconcileShop(
        { db: app.db, admin: app.adminGateway, dispatch: app.syncEngine.dispatch },
        shop(),
        since,
      );
      io.out(`examined ${result.examined} order(s), queued ${result.enqueued}`);
      return 0;
    }
    case "enable":
    case "disable": {
      const updated = await app.db.shop.updateMany({
        where: { shop: shop() },
        data: { integrationEnabled: command === "enable" },
      });
      if (updated.count === 0) {
        io.err(`${shop()} is not installed`);
        return 1;
      }
      io.out(`integration ${command}d for ${shop()}`);
      return 0;
    }
    case "jobs": {
      const queues: JobName[] = values.queue
        ? [z.enum(jobNames as [JobName, ...JobName[]]).parse(values.queue)]
        : jobNames;
      const states = values.state ? [JobState.parse(values.state)] : undefined;
      for (const name of queues) {
        for (const job of await app.jobQueue.list(name, { states })) {
          io.out([name, job.state, job.key ?? "", `attempts ${job.attempts}`, job.lastError ?? ""].join("  "));
        }
      }
      return 0;
    }
    case "rotate-keys": {
      const shops = await app.db.shop.findMany({
        where: { dillerApiKey: { not: null } },
        select: { shop: true, dillerApiKey: true },
      });
      let resealed = 0;
      for (const row of shops) {
        if (!row.dillerApiKey || !app.secrets.needsResealing(row.dillerApiKey)) continue;
        await app.db.shop.update({
          where: { shop: row.shop },
          data: { dillerApiKey: app.secrets.seal(app.secrets.open(row.dillerApiKey)) },
        });
        resealed++;
      }
      io.out(`re-encrypted ${resealed} of ${shops.length} API key(s) with the current APP_ENCRYPTION_KEY`);
      const tokens = await resealSessionTokens(app.db, app.secrets);
      io.out(
        `re-encrypted ${tokens.resealed} of ${tokens.sessions} Shopify session(s) with the current APP_ENCRYPTION_KEY`,
      );
      return 0;
    }
    default:
      io.err(USAGE);
      return command ? 2 : 0;
  }
}
