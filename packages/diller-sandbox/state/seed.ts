/**
 * Seeds. "demo" is seed.json: a Norwegian demo store with something of everything (all five segment
 * types, three levels, coupons of every type and discount type incl. expired/inactive/upcoming ones,
 * standard and threshold stamp cards, members in different states) plus a second store for isolation
 * tests. "empty": the same two stores with their profiles only. Timestamps in the JSON are relative to
 * the clock at seed time (see relative-dates.ts), so the demo never goes stale; the result is checked
 * with the state file's schema. The ids in fixtures.ts name the seeded stores and members. All
 * personal data is fake (example.com, +47 4000xxxx).
 */
import { readFileSync } from "node:fs";

import { z } from "zod";

import { type ContractValidator } from "../contract";
import { type SeedName } from "../types";
import { resolveRelativeDates } from "./relative-dates";
import { createStateSchema, type SandboxState, type StoreState } from "./schema";

export const SEED_FILE = new URL("./seed.json", import.meta.url);

export class SeedError extends Error {
  constructor(reason: string) {
    super(`The Diller sandbox seed (state/seed.json) is invalid: ${reason}`);
    this.name = "SeedError";
  }
}

let template: unknown;
const schemas = new WeakMap<ContractValidator, ReturnType<typeof createStateSchema>>();

export function createSeed(name: SeedName, now: Date, contract: ContractValidator): SandboxState {
  template ??= JSON.parse(readFileSync(SEED_FILE, "utf8"));
  let schema = schemas.get(contract);
  if (!schema) schemas.set(contract, (schema = createStateSchema(contract)));
  const parsed = schema.safeParse(resolveRelativeDates(template, now));
  if (!parsed.success) throw new SeedError(z.prettifyError(parsed.error));
  return name === "demo" ? parsed.data : emptied(parsed.data);
}

function emptied(state: SandboxState): SandboxState {
  return {
    version: state.version,
    sequences: { transaction: 0, refund: 0, dependent: 0, nonEligibleProduct: 0 },
    stores: state.stores.map(({ id, apiKey, profile }) => emptyStore(id, apiKey, profile)),
  };
}

function emptyStore(id: string, apiKey: string, profile: StoreState["profile"]): StoreState {
  return {
    id,
    apiKey,
    profile,
    departments: [],
    segments: [],
    membershipLevels: [],
    coupons: [],
    stampCards: [],
    nonEligibleProducts: [],
    members: [],
    transactions: [],
    couponReservations: [],
    stampReservations: [],
    pendingOtps: [],
  };
}
