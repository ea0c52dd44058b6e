/**
 * /_sandbox/* control endpoints for the CLI and demos (no auth: the server binds to loopback by default).
 * They bypass faults and the request log.
 */
import { type IncomingMessage, type ServerResponse } from "node:http";

import { z } from "zod";

import { findMember, toMemberResponse } from "./domain/members";
import { EnqueueRequestSchema, FaultConfigPatchSchema } from "./faults";
import { readBody, send } from "./http-io";
import { type SandboxRuntime } from "./runtime";

const ResetRequestSchema = z.object({ seed: z.enum(["demo", "empty"]).optional() });

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function handleAdmin(
  runtime: SandboxRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const method = (request.method ?? "GET").toUpperCase();
  const route = `${method} ${url.pathname.replace(/\/$/, "")}`;
  try {
    const body = await readJson(request);
    const result = await dispatch(runtime, route, url, body);
    if (typeof result === "string") {
      send(response, { status: 200, raw: result, contentType: "text/html; charset=utf-8" });
    } else {
      send(response, { status: 200, body: result });
    }
  } catch (error) {
    const status = error instanceof AdminError ? error.status : 400;
    send(response, { status, body: { error: error instanceof Error ? error.message : String(error) } });
  }
}

async function dispatch(runtime: SandboxRuntime, route: string, url: URL, body: unknown): Promise<unknown> {
  switch (route) {
    case "GET /_sandbox/health":
      return {
        status: "ok",
        baseUrl: runtime.baseUrl,
        stores: runtime.state.stores.map((store) => ({ id: store.id, name: store.profile.store_name })),
        faults: runtime.faults.current,
        scriptedFaultsPending: runtime.faults.pending.length,
        requests: runtime.requestLog.length,
        contractViolations: runtime.contractViolations.length,
      };
    case "GET /_sandbox/state":
      return runtime.state;
    case "POST /_sandbox/faults":
      if (z.object({ enqueue: z.unknown() }).safeParse(body).success) {
        const { enqueue } = parseWith(EnqueueRequestSchema, body);
        runtime.faults.enqueue(enqueue.match, ...enqueue.faults);
      } else {
        runtime.faults.set(parseWith(FaultConfigPatchSchema, body ?? {}));
      }
      return { faults: runtime.faults.current, scripted: runtime.faults.pending };
    case "DELETE /_sandbox/faults":
      runtime.faults.reset();
      return { faults: runtime.faults.current, scripted: runtime.faults.pending };
    case "POST /_sandbox/reset": {
      const { seed } = parseWith(ResetRequestSchema, body ?? {});
      runtime.reset(seed);
      return { reset: seed ?? "demo" };
    }
    case "POST /_sandbox/persist":
      if (!runtime.stateFile) throw new AdminError(409, "No state file configured (DILLER_SANDBOX_STATE_FILE).");
      await runtime.persist();
      return { persisted: runtime.stateFile };
    case "GET /_sandbox/otps":
      return runtime.issuedOtps;
    case "POST /_sandbox/expire-tokens":
      runtime.tokens.expireAll();
      return { expired: true };
    case "GET /_sandbox/requests":
      return runtime.requestLog;
    case "GET /_sandbox/contract-violations":
      return runtime.contractViolations;
    default: {
      const profile = /^GET \/_sandbox\/stores\/([^/]+)\/members\/([^/]+)\/profile$/.exec(route);
      if (profile?.[1] && profile[2])
        return profilePage(runtime, decodeURIComponent(profile[1]), decodeURIComponent(profile[2]));
      throw new AdminError(404, `Unknown sandbox endpoint ${route} (see the sandbox README).`);
    }
  }
}

/** The page getWidgetProfile links to: a stand-in for Diller's member page. */
function profilePage(runtime: SandboxRuntime, storeId: string, memberId: string): string {
  const store = runtime.state.stores.find((candidate) => candidate.id === storeId);
  const member = store && findMember(store, memberId);
  if (!store || !member) throw new AdminError(404, "Unknown store or member.");
  const detail = toMemberResponse(store, member).membership_detail;
  const rows = [
    ["Points", String(detail?.points ?? 0)],
    ["Level", detail?.level_title ?? "–"],
    [
      "Next level",
      detail?.next_level_title ? `${detail.next_level_title} (${detail.remaining_points ?? 0} points to go)` : "–",
    ],
  ];
  const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Diller sandbox member profile</title>
<h1>${escape(store.profile.store_name ?? "Store")} – member profile (sandbox)</h1>
<table>${rows.map(([label, value]) => `<tr><th>${escape(label ?? "")}</th><td>${escape(value ?? "")}</td></tr>`).join("")}</table>
</html>`;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readBody(request);
  if (!body.ok) throw new AdminError(body.reason === "too-large" ? 413 : 400, `Request body ${body.reason}.`);
  if (body.text.trim() === "") return undefined;
  try {
    return JSON.parse(body.text);
  } catch {
    throw new AdminError(400, "The body is not valid JSON.");
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AdminError(400, z.prettifyError(parsed.error));
  return parsed.data;
}
