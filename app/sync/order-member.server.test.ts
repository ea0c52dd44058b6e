import { readFileSync } from "node:fs";

import { afterAll, beforeAll, expect, it } from "vitest";

import { startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { getDatabase } from "~/db.server";
import { createDillerClient } from "~/diller/client.server";
import { silentLogger } from "~/logger.server";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import { parseShopifyJson } from "~/shopify/payloads/json";
import { parseOrderPayload } from "~/shopify/payloads/order";

import { resolveOrderMember } from "./order-member.server";

const ORDER_FIXTURE =
  "tests/fixtures/shopify-webhooks/06-orders-paid--hkd-manual-code-plus-automatic-4-lines-shipping.json";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startDillerSandbox({ logger: { info: () => {}, warn: () => {}, error: () => {} } });
  for (const store of sandbox.state.stores) for (const segment of store.segments) segment.is_required = false;
});
afterAll(async () => {
  await sandbox.stop();
});

const unusedAdmin: ShopifyAdminGateway = {
  productInfo: () => Promise.reject(new Error("not used")),
  orderConsent: () => Promise.reject(new Error("not used")),
  customerConsent: () => Promise.reject(new Error("not used")),
  storeCustomerConsent: () => Promise.reject(new Error("not used")),
  searchOrders: () => Promise.reject(new Error("not used")),
  countOrders: () => Promise.reject(new Error("not used")),
};

it("a registration that times out after Diller applied it resolves to the member it created", async () => {
  // GIVEN a guest who consents, and Diller that registers the member but never answers in time
  const raw = parseShopifyJson(
    JSON.stringify({
      ...JSON.parse(readFileSync(ORDER_FIXTURE, "utf8")),
      customer: null,
      email: "slow.answer@example.com",
      phone: "+4795550001",
    }),
  );
  const parsed = parseOrderPayload(raw);
  if (!parsed.success) throw parsed.error;
  sandbox.faults.enqueue("registerMember", { kind: "afterEffect", then: "stall" });
  const diller = createDillerClient({
    baseUrl: sandbox.baseUrl,
    ...sandbox.credentials,
    timeoutMs: 500,
    logger: silentLogger,
  });

  // WHEN the order's member is resolved
  const resolution = await resolveOrderMember({
    db: getDatabase(),
    diller,
    admin: unusedAdmin,
    shop: "test-shop.myshopify.com",
    order: parsed.data,
    rawOrder: raw,
    consent: { membership: true, marketing: false },
    guestEnrollment: true,
    departmentId: null,
  });

  // THEN it is the one member Diller holds for that email, and it was registered only once
  const members = sandbox.state.stores
    .flatMap((store) => store.members)
    .filter((member) => member.email === "slow.answer@example.com");
  expect(members).toHaveLength(1);
  expect(resolution).toEqual({ found: true, memberId: members[0]?.id, linkedBy: "registered" });
  expect(sandbox.requestLog.filter((entry) => entry.operationId === "registerMember")).toHaveLength(1);
});
