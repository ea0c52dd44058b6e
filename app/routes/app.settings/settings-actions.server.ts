import { z } from "zod";

import { answer, invalid, unknownIntent, type ActionResult } from "~/admin/action-result.server";
import { connectionViewOf, testConnection, type ConnectionDeps } from "~/admin/connection.server";
import { dillerProblemOf } from "~/admin/diller-problems.server";
import { storeBasics } from "~/admin/diller-reads.server";
import type { FieldErrors } from "~/admin/forms";
import type {
  ConnectionCheck,
  ConnectionView,
  DepartmentOption,
  DillerProblem,
  SettingsValues,
  StoreSummary,
} from "~/admin/views";
import type { Database, Shop } from "~/db.server";
import { message } from "~/i18n/translate";
import type { Logger } from "~/logger.server";
import { DecryptionError } from "~/security/encryption.server";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";
import type { DillerConnection } from "~/shops/shop.server";

import { saveSettings, settingsValuesOf } from "./settings.server";

export interface SettingsDeps extends Pick<ConnectionDeps, "dillerConnectionFor" | "connectionTester"> {
  db: Database;
  storeReads: DillerStoreReads;
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

export async function settingsData(
  { dillerConnectionFor, storeReads }: Pick<SettingsDeps, "dillerConnectionFor" | "storeReads">,
  shop: Shop,
) {
  const base: SettingsData = {
    values: settingsValuesOf(shop),
    connection: connectionViewOf(shop, dillerConnectionFor),
    store: null,
    departments: null,
    problem: null,
    readAt: null,
  };
  try {
    const { value, loadedAt } = await storeBasics(storeReads, shop);
    return { ...base, store: value.store, departments: value.departments, readAt: loadedAt.toISOString() };
  } catch (error) {
    return { ...base, problem: dillerProblemOf(error) };
  }
}

export type SettingsActionBody =
  | { intent: "save"; saved: true }
  | { intent: string; errors: FieldErrors }
  | { intent: "test-connection"; check: ConnectionCheck };

const IntentSchema = z.enum(["save", "test-connection"]);

export async function settingsAction(
  deps: SettingsDeps,
  shop: Shop,
  fields: Record<string, string>,
): Promise<ActionResult<SettingsActionBody>> {
  const intent = IntentSchema.safeParse(fields.intent);
  if (!intent.success) return unknownIntent();
  const logger = deps.logger.child({ component: "admin", shop: shop.shop });

  if (intent.data === "test-connection") {
    let connection: DillerConnection | null;
    try {
      connection = deps.dillerConnectionFor(shop);
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      return invalid({ form: message("errors.keyUnreadable") }, "test-connection");
    }
    if (!connection) return invalid({ form: message("blocker.notConnected") }, "test-connection");
    const check = await testConnection(deps.connectionTester, connection, shop.shop);
    return answer(check.ok ? 200 : 400, { intent: "test-connection", check });
  }

  let departments: DepartmentOption[] | null = null;
  if (shop.dillerStoreId && shop.dillerApiKey) {
    try {
      departments = (await storeBasics(deps.storeReads, shop)).value.departments;
    } catch {
      departments = null;
    }
  }
  const saved = await saveSettings(deps.db, shop, fields, departments);
  if (!saved.ok) return invalid(saved.errors, "save");
  if (saved.data.integrationEnabled !== shop.integrationEnabled) {
    logger.info(saved.data.integrationEnabled ? "integration switched on" : "integration switched off");
  }
  return answer(200, { intent: "save", saved: true });
}
