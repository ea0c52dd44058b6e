import { z } from "zod";

import type { Database } from "~/db.server";
import { testDillerConnection } from "~/diller/client.server";
import type { ConnectionTestResult } from "~/diller/connection-test.server";
import type { SecretBox } from "~/security/encryption.server";

import { baseUrlFor, DILLER_ENVIRONMENTS, type DillerEnvironment } from "./diller-environments";

/** What a merchant (admin onboarding) or an operator (CLI) enters to connect a shop to Diller. */
export const ConnectionInputSchema = z
  .object({
    environment: z
      .enum(Object.keys(DILLER_ENVIRONMENTS) as [DillerEnvironment, ...DillerEnvironment[]])
      .default("production"),
    customBaseUrl: z.string().trim().optional(),
    storeId: z.string().trim().min(1, "Enter the Diller store id"),
    apiKey: z.string().trim().min(1, "Enter the Diller API key"),
    departmentId: z.string().trim().optional(),
  })
  .superRefine((input, context) => {
    if (input.environment === "custom" && !input.customBaseUrl) {
      context.addIssue({ code: "custom", path: ["customBaseUrl"], message: "Enter the Diller API base URL" });
    }
  });

export type ConnectionInput = z.infer<typeof ConnectionInputSchema>;

export type ConnectResult =
  | { saved: true; test: Extract<ConnectionTestResult, { ok: true }> }
  | { saved: false; test: Extract<ConnectionTestResult, { ok: false }> };

/**
 * Tests the credentials against Diller (token + store lookup) and, only if that succeeds, stores
 * them with the API key sealed. Enabling the integration is a separate, explicit step.
 */
export async function connectShopToDiller(
  { db, secrets }: { db: Database; secrets: SecretBox },
  shop: string,
  input: ConnectionInput,
  options: { enable?: boolean } = {},
): Promise<ConnectResult> {
  const baseUrl = baseUrlFor(input.environment, input.customBaseUrl ?? null);
  const test = await testDillerConnection({ baseUrl: baseUrl ?? "", storeId: input.storeId, apiKey: input.apiKey });
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
