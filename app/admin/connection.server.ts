import { z } from "zod";

import type { Database, Shop } from "~/db.server";
import { testDillerConnection, type DillerClientOptions } from "~/diller/client.server";
import type { StoreResponse } from "~/diller/schemas.server";
import { message } from "~/i18n/translate";
import { maskSecret, type SecretBox } from "~/security/encryption.server";
import { connectShopToDiller, type ConnectionInput } from "~/shops/connection.server";
import { baseUrlFor, DILLER_ENVIRONMENTS, type DillerEnvironment } from "~/shops/diller-environments";

import { connectionProblemMessage } from "./diller-problems.server";
import { optionalText, parseForm, type FormResult } from "./forms";
import type { ConnectionCheck, ConnectionView, StoreSummary } from "./views";

const ENVIRONMENTS = Object.keys(DILLER_ENVIRONMENTS) as [DillerEnvironment, ...DillerEnvironment[]];

/** The onboarding connection form. An empty API key means "keep the saved one". */
export const ConnectionFormSchema = z
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
  })
  .superRefine((form, context) => {
    if (form.environment !== "custom") return;
    if (!form.customBaseUrl || !URL.canParse(form.customBaseUrl)) {
      context.addIssue({ code: "custom", path: ["customBaseUrl"], message: "onboarding.errors.customBaseUrl" });
    }
  });

export type ConnectionForm = z.output<typeof ConnectionFormSchema>;

export function connectionViewOf(shop: Shop, secrets: SecretBox): ConnectionView {
  let apiKeyMasked: string | null = null;
  let apiKeyUnreadable = false;
  if (shop.dillerApiKey) {
    try {
      apiKeyMasked = maskSecret(secrets.open(shop.dillerApiKey));
    } catch {
      apiKeyUnreadable = true;
    }
  }
  return {
    connected: Boolean(shop.connectedAt && shop.dillerStoreId && shop.dillerApiKey),
    environment: shop.dillerEnvironment,
    customBaseUrl: shop.dillerBaseUrl,
    storeId: shop.dillerStoreId,
    shopCurrency: shop.currency,
    apiKeyMasked,
    apiKeyUnreadable,
    connectedAt: shop.connectedAt?.toISOString() ?? null,
  };
}

/** The connection to test or save: the form, with the saved key when the form left it empty. */
export function connectionInputOf(
  fields: Record<string, unknown>,
  shop: Shop | null,
  secrets: SecretBox,
): FormResult<ConnectionInput> {
  const parsed = parseForm(ConnectionFormSchema, fields);
  if (!parsed.ok) return parsed;
  const { environment, customBaseUrl, storeId } = parsed.data;
  let apiKey = parsed.data.apiKey;
  if (!apiKey && shop?.dillerApiKey) {
    try {
      apiKey = secrets.open(shop.dillerApiKey);
    } catch {
      apiKey = undefined;
    }
  }
  if (!apiKey) return { ok: false, errors: { apiKey: message("onboarding.errors.apiKeyRequired") } };
  return { ok: true, data: { environment, customBaseUrl, storeId, apiKey } };
}

export function summarizeStore(store: StoreResponse, fallbackId: string): StoreSummary {
  return {
    id: store.id ?? fallbackId,
    name: store.store_name ?? null,
    currency: store.currency ?? null,
    pointsEnabled: store.points_system?.enabled ?? false,
    pointsPerCurrencyUnit: store.points_system?.currency_points_ratio ?? null,
    signupPoints: store.points_system?.follower_signup_points ?? null,
    referralPoints: store.points_system?.friend_referral_points ?? null,
    stampsEnabled: store.stamps_enabled ?? false,
    referralEnabled: store.friend_referral_enabled ?? false,
    privacyPolicyUrl: safeHttpUrl(store.privacy_policy_url),
    timeZone: store.time_zone ?? null,
  };
}

/** Only http(s) links reach the page: a `javascript:` URL from a remote profile must not become a link. */
export function safeHttpUrl(value: string | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  const protocol = new URL(value).protocol;
  return protocol === "https:" || protocol === "http:" ? value : null;
}

/** Options for the test call itself (tests shorten the timeout; production uses the client defaults). */
export type ConnectionTestOptions = Pick<DillerClientOptions, "timeoutMs" | "retry" | "fetch" | "logger">;

function checkOf(
  input: ConnectionInput,
  result: Awaited<ReturnType<typeof testDillerConnection>>,
  timeoutMs?: number,
): ConnectionCheck {
  if (result.ok) return { ok: true, store: summarizeStore(result.store, input.storeId) };
  const baseUrl = baseUrlFor(input.environment, input.customBaseUrl ?? null) ?? "";
  return {
    ok: false,
    problem: result.problem,
    message: connectionProblemMessage(result, { baseUrl, storeId: input.storeId, timeoutMs }),
    ...(result.correlationId ? { reference: result.correlationId } : {}),
  };
}

/** "Test connection": a fresh token and the store lookup; nothing is saved. */
export async function testConnection(
  input: ConnectionInput,
  options: ConnectionTestOptions = {},
): Promise<ConnectionCheck> {
  const baseUrl = baseUrlFor(input.environment, input.customBaseUrl ?? null) ?? "";
  const result = await testDillerConnection({ ...options, baseUrl, storeId: input.storeId, apiKey: input.apiKey });
  return checkOf(input, result, options.timeoutMs);
}

/**
 * "Save and continue": tests again and, only when that works, stores the connection with the key
 * sealed. The department chosen before is kept; the department step checks it against the store.
 */
export async function saveConnection(
  deps: { db: Database; secrets: SecretBox },
  shop: Shop,
  input: ConnectionInput,
): Promise<ConnectionCheck> {
  const outcome = await connectShopToDiller(deps, shop.shop, {
    ...input,
    departmentId: shop.dillerDepartmentId ?? undefined,
  });
  return checkOf(input, outcome.test);
}
