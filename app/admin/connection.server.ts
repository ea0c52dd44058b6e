import type { Shop } from "~/db.server";
import type { ConnectionTarget, ConnectionTester } from "~/diller/client.server";
import type { ConnectionTestResult } from "~/diller/connection-test.server";
import type { StoreResponse } from "~/diller/schemas.server";
import { message } from "~/i18n/translate";
import { maskSecret } from "~/security/encryption.server";
import {
  ConnectionInputSchema,
  connectionTargetOf,
  type ConnectionInput,
  type ConnectShop,
} from "~/shops/connection.server";
import type { DillerConnection } from "~/shops/shop.server";

import { connectionProblemMessage } from "./diller-problems.server";
import { parseForm, type FormResult } from "./forms";
import type { ConnectionCheck, ConnectionView, StoreSummary } from "./views";

/** The composition root's Diller connection pieces: the one key opener, the tester, connect-and-save. */
export interface ConnectionDeps {
  dillerConnectionFor: (shop: Shop) => DillerConnection | null;
  connectionTester: ConnectionTester;
  connectShop: ConnectShop;
}

/** The saved key, or undefined when there is none or it cannot be opened any more. */
function savedApiKey(shop: Shop | null, open: ConnectionDeps["dillerConnectionFor"]): string | undefined {
  if (!shop?.dillerApiKey) return undefined;
  try {
    return open(shop)?.apiKey;
  } catch {
    return undefined;
  }
}

export function connectionViewOf(shop: Shop, open: ConnectionDeps["dillerConnectionFor"]): ConnectionView {
  let apiKey: string | undefined;
  let apiKeyUnreadable = false;
  try {
    apiKey = shop.dillerApiKey ? open(shop)?.apiKey : undefined;
  } catch {
    apiKeyUnreadable = true;
  }
  return {
    connected: Boolean(shop.connectedAt && shop.dillerStoreId && shop.dillerApiKey),
    environment: shop.dillerEnvironment,
    customBaseUrl: shop.dillerBaseUrl,
    storeId: shop.dillerStoreId,
    shopCurrency: shop.currency,
    apiKeyMasked: apiKey ? maskSecret(apiKey) : null,
    apiKeyUnreadable,
    connectedAt: shop.connectedAt?.toISOString() ?? null,
  };
}

/** The connection to test or save: the form, with the saved key when the form left it empty. */
export function connectionInputOf(
  fields: Record<string, unknown>,
  shop: Shop | null,
  open: ConnectionDeps["dillerConnectionFor"],
): FormResult<ConnectionInput> {
  const parsed = parseForm(ConnectionInputSchema, fields);
  if (!parsed.ok) return parsed;
  const apiKey = parsed.data.apiKey ?? savedApiKey(shop, open);
  if (!apiKey) return { ok: false, errors: { apiKey: message("onboarding.errors.apiKeyRequired") } };
  return { ok: true, data: { ...parsed.data, apiKey } };
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

function checkOf(target: ConnectionTarget, result: ConnectionTestResult, timeoutMs: number): ConnectionCheck {
  if (result.ok) return { ok: true, store: summarizeStore(result.store, target.storeId) };
  return {
    ok: false,
    problem: result.problem,
    message: connectionProblemMessage(result, { baseUrl: target.baseUrl, storeId: target.storeId, timeoutMs }),
    ...(result.correlationId ? { reference: result.correlationId } : {}),
  };
}

/** "Test connection": a fresh token and the store lookup; nothing is saved. */
export async function testConnection(
  tester: ConnectionTester,
  target: ConnectionTarget,
  shop?: string,
): Promise<ConnectionCheck> {
  return checkOf(target, await tester.test(target, { shop }), tester.timeoutMs);
}

/**
 * "Save and continue": tests again and, only when that works, stores the connection with the key
 * sealed. The department chosen before is kept; the department step checks it against the store.
 */
export async function saveConnection(
  { connectShop, connectionTester }: Pick<ConnectionDeps, "connectShop" | "connectionTester">,
  shop: Shop,
  input: ConnectionInput,
): Promise<ConnectionCheck> {
  const outcome = await connectShop(shop.shop, { ...input, departmentId: shop.dillerDepartmentId ?? undefined });
  return checkOf(connectionTargetOf(input), outcome.test, connectionTester.timeoutMs);
}
