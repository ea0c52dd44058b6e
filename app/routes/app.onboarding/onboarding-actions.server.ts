import { z } from "zod";

import { answer, dillerFailed, goTo, invalid, unknownIntent, type ActionResult } from "~/admin/action-result.server";
import {
  connectionInputOf,
  connectionViewOf,
  saveConnection,
  testConnection,
  type ConnectionDeps,
} from "~/admin/connection.server";
import { createDepartment, NewDepartmentSchema } from "~/admin/departments.server";
import { dillerProblemOf } from "~/admin/diller-problems.server";
import { storeBasics } from "~/admin/diller-reads.server";
import { parseForm, type FieldErrors } from "~/admin/forms";
import { onboardingStep, type OnboardingStep } from "~/admin/onboarding-step";
import { prepareShopForExtensions, type ShopGraphql } from "~/shopify/shop-setup.server";
import type { ConnectionCheck, ConnectionView, DepartmentOption, DillerProblem, StoreSummary } from "~/admin/views";
import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { message } from "~/i18n/translate";
import type { Logger } from "~/logger.server";
import { connectionTargetOf } from "~/shops/connection.server";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";

import { finishOnboarding, FinishOnboardingSchema } from "./finish.server";

export interface OnboardingDeps extends ConnectionDeps {
  db: Database;
  dillerFor: (shop: Shop) => DillerClient;
  storeReads: DillerStoreReads;
  logger: Logger;
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
  { dillerConnectionFor, storeReads }: Pick<OnboardingDeps, "dillerConnectionFor" | "storeReads">,
  shop: Shop,
  step: Exclude<OnboardingStep, "done">,
): Promise<OnboardingData> {
  const base = {
    step,
    connection: connectionViewOf(shop, dillerConnectionFor),
    store: null,
    departments: null,
    departmentId: shop.dillerDepartmentId,
    problem: null,
    currencyMismatch: shop.currencyMismatch,
  };
  if (step === "connect") return base;
  try {
    const { value } = await storeBasics(storeReads, shop);
    return { ...base, store: value.store, departments: value.departments };
  } catch (error) {
    return { ...base, problem: dillerProblemOf(error) };
  }
}

export type OnboardingActionBody =
  | { intent: "test" | "connect"; check: ConnectionCheck }
  | { intent: string; errors: FieldErrors }
  | { intent: "create-department"; created: DepartmentOption }
  | { intent: string; problem: DillerProblem };

const IntentSchema = z.enum(["test", "connect", "create-department", "finish"]);

/** The onboarding form's intents: test, connect (test + save), create a department, finish. */
export async function onboardingAction(
  deps: OnboardingDeps,
  shop: Shop,
  fields: Record<string, string>,
  graphql: ShopGraphql,
): Promise<ActionResult<OnboardingActionBody>> {
  const { db, dillerFor } = deps;
  const logger = deps.logger.child({ component: "admin", shop: shop.shop });
  const intent = IntentSchema.safeParse(fields.intent);
  if (!intent.success) return unknownIntent();

  switch (intent.data) {
    case "test":
    case "connect": {
      const input = connectionInputOf(fields, shop, deps.dillerConnectionFor);
      if (!input.ok) return invalid(input.errors, intent.data);
      if (intent.data === "test") {
        const check = await testConnection(deps.connectionTester, connectionTargetOf(input.data), shop.shop);
        return answer(check.ok ? 200 : 400, { intent: "test", check });
      }
      const check = await saveConnection(deps, shop, input.data);
      if (!check.ok) return answer(400, { intent: "connect", check });
      deps.storeReads.forget(shop.shop);
      if (shop.dillerStoreId && shop.dillerStoreId !== input.data.storeId) {
        // Departments belong to a store: another store means choosing the department again.
        await db.shop.update({ where: { shop: shop.shop }, data: { dillerDepartmentId: null, onboardedAt: null } });
      }
      logger.info("diller connection saved", { dillerStoreId: input.data.storeId });
      return goTo("/app/onboarding?step=department");
    }
    case "create-department": {
      const parsed = parseForm(NewDepartmentSchema, fields);
      if (!parsed.ok) return invalid(parsed.errors, "create-department");
      try {
        const created = await createDepartment(dillerFor(shop), parsed.data, shop.shop);
        if (!created.ok) return invalid(created.errors, "create-department");
        deps.storeReads.forget(shop.shop);
        return answer(200, {
          intent: "create-department",
          created: { id: parsed.data.departmentId, name: parsed.data.departmentName },
        });
      } catch (error) {
        return dillerFailed(error, "create-department");
      }
    }
    case "finish": {
      if (onboardingStep(shop) === "connect") return invalid({ form: message("blocker.notConnected") }, "finish");
      const parsed = parseForm(FinishOnboardingSchema, fields);
      if (!parsed.ok) return invalid(parsed.errors, "finish");
      const departmentId = parsed.data.departmentId;
      if (departmentId && departmentId !== shop.dillerDepartmentId) {
        try {
          const { value } = await storeBasics(deps.storeReads, shop);
          if (!value.departments.some((department) => department.id === departmentId))
            return invalid({ departmentId: message("onboarding.errors.department") }, "finish");
        } catch (error) {
          return dillerFailed(error, "finish");
        }
      }
      await finishOnboarding(db, shop.shop, parsed.data);
      if (!shop.extensionSetupAt) {
        await prepareShopForExtensions({ db, graphql, logger }, shop.shop);
      }
      logger.info("onboarding finished", { enabled: parsed.data.enable });
      return goTo("/app");
    }
  }
}
