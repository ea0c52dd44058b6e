import { z } from "zod";

import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { message } from "~/i18n/translate";
import type { Logger } from "~/logger.server";
import { DecryptionError, type SecretBox } from "~/security/encryption.server";
import { dillerConnectionOf } from "~/shops/shop.server";

import { connectionViewOf, testConnection } from "~/admin/connection.server";
import { dillerProblemOf } from "~/admin/diller-problems.server";
import { storeBasics } from "~/admin/diller-reads.server";
import type { FieldErrors } from "~/admin/forms";
import { saveSettings, settingsValuesOf } from "./settings.server";
import type {
  ConnectionCheck,
  ConnectionView,
  DepartmentOption,
  DillerProblem,
  SettingsValues,
  StoreSummary,
} from "~/admin/views";

export interface SettingsDeps {
  db: Database;
  secrets: SecretBox;
  dillerFor: (shop: Shop) => DillerClient;
  logger: Logger;
}

export interface SettingsData {
  values: SettingsValues;
  connection: ConnectionView;
  store: StoreSummary | null;
  departments: DepartmentOption[] | null;
  problem: DillerProblem | null;
  readAt: string | null;
}

export async function settingsData({ secrets, dillerFor }: Pick<SettingsDeps, "secrets" | "dillerFor">, shop: Shop) {
  const base: SettingsData = {
    values: settingsValuesOf(shop),
    connection: connectionViewOf(shop, secrets),
    store: null,
    departments: null,
    problem: null,
    readAt: null,
  };
  try {
    const { value, loadedAt } = await storeBasics(shop, dillerFor(shop));
    return { ...base, store: value.store, departments: value.departments, readAt: loadedAt.toISOString() };
  } catch (error) {
    return { ...base, problem: dillerProblemOf(error) };
  }
}

export type SettingsActionResult =
  | { intent: "save"; saved: true; status: 200 }
  | { intent: string; errors: FieldErrors; status: 422 }
  | { intent: "test-connection"; check: ConnectionCheck; status: 200 | 400 };

const IntentSchema = z.enum(["save", "test-connection"]);

export async function settingsAction(
  deps: SettingsDeps,
  shop: Shop,
  fields: Record<string, string>,
): Promise<SettingsActionResult> {
  const intent = IntentSchema.safeParse(fields.intent);
  if (!intent.success) return { intent: "unknown", errors: { form: message("form.errors.invalid") }, status: 422 };
  const logger = deps.logger.child({ component: "admin", shop: shop.shop });

  if (intent.data === "test-connection") {
    let connection: ReturnType<typeof dillerConnectionOf>;
    try {
      connection = dillerConnectionOf(shop, deps.secrets);
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      return { intent: "test-connection", errors: { form: message("errors.keyUnreadable") }, status: 422 };
    }
    if (!connection)
      return { intent: "test-connection", errors: { form: message("blocker.notConnected") }, status: 422 };
    const check = await testConnection(
      {
        environment:
          shop.dillerEnvironment === "prerelease" || shop.dillerEnvironment === "custom"
            ? shop.dillerEnvironment
            : "production",
        customBaseUrl: shop.dillerBaseUrl ?? undefined,
        storeId: connection.storeId,
        apiKey: connection.apiKey,
      },
      { logger },
    );
    return { intent: "test-connection", check, status: check.ok ? 200 : 400 };
  }

  let departments: DepartmentOption[] | null = null;
  if (shop.dillerStoreId && shop.dillerApiKey) {
    try {
      departments = (await storeBasics(shop, deps.dillerFor(shop))).value.departments;
    } catch {
      departments = null;
    }
  }
  const saved = await saveSettings(deps.db, shop, fields, departments);
  if (!saved.ok) return { intent: "save", errors: saved.errors, status: 422 };
  if (saved.data.integrationEnabled !== shop.integrationEnabled) {
    logger.info(saved.data.integrationEnabled ? "integration switched on" : "integration switched off");
  }
  return { intent: "save", saved: true, status: 200 };
}
