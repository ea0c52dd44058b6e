/**
 * Test-only access to the recorded Shopify webhook payloads in tests/fixtures/shopify-webhooks (see INDEX.md there).
 * Never import from app code.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { parseShopifyJson } from "../json";
import { parseOrderPayload, type ShopifyOrder } from "../order";
import { parseRefundPayload, type ShopifyRefund } from "../refund";

export const FIXTURE_DIRECTORY = join(process.cwd(), "tests/fixtures/shopify-webhooks");

const TOPICS = [
  "orders/create",
  "orders/paid",
  "orders/updated",
  "orders/cancelled",
  "refunds/create",
  "customers/create",
  "customers/update",
] as const;

export type FixtureTopic = (typeof TOPICS)[number];

function isFixtureTopic(topic: string): topic is FixtureTopic {
  return TOPICS.some((known) => known === topic);
}

export interface WebhookFixture {
  file: string;
  /** Two-digit prefix, e.g. "06". */
  number: string;
  topic: FixtureTopic;
}

/** Every JSON fixture with the topic encoded in its name ("06-orders-paid--…" → orders/paid). */
export function listWebhookFixtures(): WebhookFixture[] {
  return readdirSync(FIXTURE_DIRECTORY)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const match = /^(\d{2})-([a-z]+)-([a-z]+)--/.exec(file);
      if (!match) throw new Error(`fixture name without topic: ${file}`);
      const [, number = "", resource = "", event = ""] = match;
      const topic = `${resource}/${event}`;
      if (!isFixtureTopic(topic)) throw new Error(`unknown topic in fixture name: ${file}`);
      return { file, number, topic };
    });
}

export function fixtureFile(number: string): string {
  const fixture = listWebhookFixtures().find((candidate) => candidate.number === number);
  if (!fixture) throw new Error(`no fixture ${number}`);
  return fixture.file;
}

/** The raw body, parsed the way the app parses webhook bodies (big ids kept as text). */
export function readFixtureJson(number: string): unknown {
  return parseShopifyJson(readFileSync(join(FIXTURE_DIRECTORY, fixtureFile(number)), "utf8"));
}

export function orderFixture(number: string): ShopifyOrder {
  const result = parseOrderPayload(readFixtureJson(number));
  if (!result.success) throw result.error;
  return result.data;
}

export function refundFixture(number: string): ShopifyRefund {
  const result = parseRefundPayload(readFixtureJson(number));
  if (!result.success) throw result.error;
  return result.data;
}
