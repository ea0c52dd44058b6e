import { z } from "zod";

import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { message } from "~/i18n/translate";
import type { Logger } from "~/logger.server";
import type { SecretBox } from "~/security/encryption.server";

import {
  connectionInputOf,
  connectionViewOf,
  saveConnection,
  testConnection,
  type ConnectionTestOptions,
} from "~/admin/connection.server";
import { createDepartment, NewDepartmentSchema } from "~/admin/departments.server";
import { dillerProblemOf } from "~/admin/diller-problems.server";
import { forgetDillerReads, storeBasics } from "~/admin/diller-reads.server";
import { parseForm, type FieldErrors } from "~/admin/forms";
import { onboardingStep, type OnboardingStep } from "~/admin/onboarding-step";
import { prepareShopForExtensions, type ShopGraphql } from "~/admin/shop-setup.server";
import type { ConnectionCheck, ConnectionView, DepartmentOption, DillerProblem, StoreSummary } from "~/admin/views";

import { finishOnboarding, FinishOnboardingSchema } from "./finish.server";

export interface OnboardingDeps {
  db: Database;
  secrets: SecretBox;
  dillerFor: (shop: Shop) => DillerClient;
  logger: Logger;
  /** For "Test connection" (tests shorten the timeout). */
  connectionTest?: Omit<ConnectionTestOptions, "logger">;
}

export interface OnboardingData {
  step: Exclude<OnboardingStep, "done">;
  connection: ConnectionView;
  store: StoreSummary | null;
  departments: DepartmentOption[] | null;
  departmentId: string | null;
  problem: DillerProblem | null;
  currencyMismatch: "SKIP" | "SEND";
}

/** What the onboarding page shows for the step the shop is at. */
export async function onboardingData(
  { secrets, dillerFor }: Pick<OnboardingDeps, "secrets" | "dillerFor">,
  shop: Shop,
  step: Exclude<OnboardingStep, "done">,
): Promise<OnboardingData> {
  const base = {
    step,
    connection: connectionViewOf(shop, secrets),
    store: null,
    departments: null,
    departmentId: shop.dillerDepartmentId,
    problem: null,
    currencyMismatch: shop.currencyMismatch,
  };
  if (step === "connect") return base;
  try {
    const { value } = await storeBasics(shop, dillerFor(shop));
    return { ...base, store: value.store, departments: value.departments };
  } catch (error) {
    return { ...base, problem: dillerProblemOf(error) };
  }
}

export type OnboardingActionResult =
  | { intent: "test" | "connect"; check: ConnectionCheck; status: 200 | 400 }
  | { intent: string; errors: FieldErrors; status: 422 }
  | { intent: "create-department"; created: DepartmentOption; status: 200 }
  | { intent: string; problem: DillerProblem; status: 502 }
  | { intent: "connect" | "finish"; redirectTo: string };

const IntentSchema = z.enum(["test", "connect", "create-department", "finish"]);

/** The onboarding form's intents: test, connect (test + save), create a department, finish. */
export async function onboardingAction(
  deps: OnboardingDeps,
  shop: Shop,
  fields: Record<string, string>,
  graphql: ShopGraphql,
): Promise<OnboardingActionResult> {
  const { db, secrets, dillerFor } = deps;
  const logger = deps.logger.child({ component: "admin", shop: shop.shop });
  const intent = IntentSchema.safeParse(fields.intent);
  if (!intent.success) return { intent: "unknown", errors: { form: message("form.errors.invalid") }, status: 422 };

  switch (intent.data) {
    case "test":
    case "connect": {
      const input = connectionInputOf(fields, shop, secrets);
      if (!input.ok) return { intent: intent.data, errors: input.errors, status: 422 };
      if (intent.data === "test") {
        const check = await testConnection(input.data, { ...deps.connectionTest, logger });
        return { intent: "test", check, status: check.ok ? 200 : 400 };
      }
      const check = await saveConnection({ db, secrets }, shop, input.data);
      if (!check.ok) return { intent: "connect", check, status: 400 };
      forgetDillerReads(shop.shop);
      if (shop.dillerStoreId && shop.dillerStoreId !== input.data.storeId) {
        // Departments belong to a store: another store means choosing the department again.
        await db.shop.update({ where: { shop: shop.shop }, data: { dillerDepartmentId: null, onboardedAt: null } });
      }
      logger.info("diller connection saved", { dillerStoreId: input.data.storeId });
      return { intent: "connect", redirectTo: "/app/onboarding?step=department" };
    }
    case "create-department": {
      const parsed = parseForm(NewDepartmentSchema, fields);
      if (!parsed.ok) return { intent: "create-department", errors: parsed.errors, status: 422 };
      try {
        const created = await createDepartment(dillerFor(shop), parsed.data, shop.shop);
        if (!created.ok) return { intent: "create-department", errors: created.errors, status: 422 };
        forgetDillerReads(shop.shop);
        return {
          intent: "create-department",
          created: { id: parsed.data.departmentId, name: parsed.data.departmentName },
          status: 200,
        };
      } catch (error) {
        return { intent: "create-department", problem: dillerProblemOf(error), status: 502 };
      }
    }
    case "finish": {
      if (onboardingStep(shop) === "connect")
        return { intent: "finish", errors: { form: message("blocker.notConnected") }, status: 422 };
      const parsed = parseForm(FinishOnboardingSchema, fields);
      if (!parsed.ok) return { intent: "finish", errors: parsed.errors, status: 422 };
      const departmentId = parsed.data.departmentId;
      if (departmentId && departmentId !== shop.dillerDepartmentId) {
        try {
          const { value } = await storeBasics(shop, dillerFor(shop));
          if (!value.departments.some((department) => department.id === departmentId))
            return { intent: "finish", errors: { departmentId: message("onboarding.errors.department") }, status: 422 };
        } catch (error) {
          return { intent: "finish", problem: dillerProblemOf(error), status: 502 };
        }
      }
      await finishOnboarding(db, shop.shop, parsed.data);
      if (!shop.extensionSetupAt) {
        await prepareShopForExtensions({ db, graphql, logger }, shop.shop);
      }
      logger.info("onboarding finished", { enabled: parsed.data.enable });
      return { intent: "finish", redirectTo: "/app" };
    }
  }
}
