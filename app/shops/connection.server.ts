import { z } from "zod";

import type { Database } from "~/db.server";
import type { ConnectionTarget, ConnectionTester } from "~/diller/client.server";
import type { ConnectionTestResult } from "~/diller/connection-test.server";
import { optionalText } from "~/lib/form-values";
import type { SecretBox } from "~/security/encryption.server";

import { baseUrlFor, DILLER_ENVIRONMENTS, type DillerEnvironment } from "./diller-environments";

const ENVIRONMENTS = Object.keys(DILLER_ENVIRONMENTS) as [DillerEnvironment, ...DillerEnvironment[]];

/**
 * What a merchant (admin onboarding) or an operator (CLI `connect`) enters to connect a shop to
 * Diller. Error messages are message keys (the admin shows them translated, the CLI in English). An
 * absent API key means "keep the saved one": the caller fills it in or refuses.
 */
export const ConnectionInputSchema = z
  .object({
    environment: z.enum(ENVIRONMENTS, { error: "onboarding.errors.environment" }).default("production"),
    customBaseUrl: optionalText,
    storeId: z
      .string({ error: "onboarding.errors.storeIdRequired" })
      .trim()
      .min(1, "onboarding.errors.storeIdRequired")
      .max(100, "onboarding.errors.storeIdFormat")
      .regex(/^[A-Za-z0-9._:-]+$/, "onboarding.errors.storeIdFormat"),
    apiKey: optionalText.pipe(z.string().max(500, "onboarding.errors.apiKeyFormat").optional()),
    departmentId: optionalText,
  })
  .superRefine((input, context) => {
    if (input.environment !== "custom") return;
    if (!input.customBaseUrl || !URL.canParse(input.customBaseUrl)) {
      context.addIssue({ code: "custom", path: ["customBaseUrl"], message: "onboarding.errors.customBaseUrl" });
    }
  });

/** A connection to test or save: the parsed input with its API key. */
export type ConnectionInput = z.output<typeof ConnectionInputSchema> & { apiKey: string };

/** Where the input points and the credentials, as the connection tester takes them. */
export function connectionTargetOf(input: ConnectionInput): ConnectionTarget {
  const baseUrl = baseUrlFor(input.environment, input.customBaseUrl ?? null) ?? "";
  return { baseUrl, storeId: input.storeId, apiKey: input.apiKey };
}

export type ConnectResult =
  | { saved: true; test: Extract<ConnectionTestResult, { ok: true }> }
  | { saved: false; test: Extract<ConnectionTestResult, { ok: false }> };

export interface ConnectDeps {
  db: Database;
  secrets: SecretBox;
  tester: ConnectionTester;
}

/**
 * Tests the credentials against Diller (token + store lookup) and, only if that succeeds, stores
 * them with the API key sealed. Enabling the integration is a separate, explicit step.
 */
export async function connectShopToDiller(
  { db, secrets, tester }: ConnectDeps,
  shop: string,
  input: ConnectionInput,
  options: { enable?: boolean } = {},
): Promise<ConnectResult> {
  const test = await tester.test(connectionTargetOf(input), { shop });
  if (!test.ok) return { saved: false, test };
  const data = {
    dillerEnvironment: input.environment,
    dillerBaseUrl: input.environment === "custom" ? (input.customBaseUrl ?? null) : null,
    dillerStoreId: input.storeId,
    dillerApiKey: secrets.seal(input.apiKey),
    dillerDepartmentId: input.departmentId || null,
    connectedAt: new Date(),
    ...(options.enable ? { integrationEnabled: true } : {}),
  };
  await db.shop.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return { saved: true, test };
}

/** Connects a shop with the composition root's database, key box and tester. */
export type ConnectShop = (
  shop: string,
  input: ConnectionInput,
  options?: { enable?: boolean },
) => Promise<ConnectResult>;
