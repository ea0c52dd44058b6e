/**
 * Non-eligible product rules: each excludes products by exactly one of product_id, product_id_prefix or
 * product_category_id, for subsystem All (default), Loyalty or Lipscore, until expires_at (yyyy-MM-dd,
 * later than today in the store's time zone). Rules for All/Loyalty lower the points of a transaction.
 */
import { calendarDateIn, isCalendarDate } from "../clock";
import { type Schemas } from "../operation-types";
import { type StoreState } from "../state/schema";

export const MAX_BATCH = 100;
export const SUBSYSTEMS = ["All", "Loyalty", "Lipscore"] as const;

type Rule = StoreState["nonEligibleProducts"][number];
type RuleFields = Schemas["AddNonEligibleProductRequest"];

const IDENTIFIERS = ["product_id", "product_id_prefix", "product_category_id"] as const;

/** Messages for one rule (empty when fine). `others` are the rules it must not duplicate. */
export function checkRule(rule: RuleFields, others: readonly RuleFields[], today: string): string[] {
  const errors: string[] = [];
  const identifiers = IDENTIFIERS.filter((key) => rule[key] !== undefined && rule[key] !== "");
  if (identifiers.length !== 1) {
    errors.push("Exactly one of product_id, product_id_prefix or product_category_id is required.");
  }
  if (rule.subsystem !== undefined && !SUBSYSTEMS.some((subsystem) => subsystem === rule.subsystem)) {
    errors.push(`subsystem must be one of ${SUBSYSTEMS.join(", ")}.`);
  }
  if (rule.expires_at !== undefined) {
    if (!isCalendarDate(rule.expires_at)) errors.push("expires_at must be a date in yyyy-MM-dd format.");
    else if (rule.expires_at <= today) errors.push("expires_at must be later than today.");
  }
  if (identifiers.length === 1 && others.some((other) => sameTarget(other, rule))) {
    errors.push("A rule for this product, prefix or category already exists.");
  }
  return errors;
}

function sameTarget(a: RuleFields, b: RuleFields): boolean {
  return IDENTIFIERS.some((key) => a[key] !== undefined && a[key] === b[key]);
}

/** Applies an update: sending any identifier replaces the rule's identifier; other fields change if sent. */
export function mergeRule(rule: Rule, update: Schemas["UpdateNonEligibleProductRequest"]): Rule {
  const merged: Rule = { ...rule };
  if (IDENTIFIERS.some((key) => update[key] !== undefined)) {
    for (const key of IDENTIFIERS) delete merged[key];
  }
  for (const key of [...IDENTIFIERS, "description", "subsystem", "expires_at"] as const) {
    const value = update[key];
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}

export function todayForStore(store: StoreState, now: Date): string {
  return calendarDateIn(store.profile.time_zone ?? "UTC", now);
}

type Line = Schemas["TransactionDetailRequest"] | Schemas["RefundDetailRequest"];

/** Sum of the lines excluded from points by an active All/Loyalty rule. */
export function nonEligibleAmount(store: StoreState, lines: readonly Line[] | undefined, now: Date): number {
  const today = todayForStore(store, now);
  const rules = store.nonEligibleProducts.filter(
    (rule) => (rule.subsystem ?? "All") !== "Lipscore" && (!rule.expires_at || rule.expires_at > today),
  );
  if (rules.length === 0 || !lines) return 0;
  return lines
    .filter((line) => rules.some((rule) => ruleMatches(rule, line)))
    .reduce((sum, line) => sum + lineTotal(line), 0);
}

function ruleMatches(rule: Rule, line: Line): boolean {
  const productId = line.product?.external_id;
  const categoryId = line.product?.category?.external_id;
  if (rule.product_id !== undefined) return productId === rule.product_id;
  if (rule.product_id_prefix !== undefined) return productId?.startsWith(rule.product_id_prefix) ?? false;
  if (rule.product_category_id !== undefined) return categoryId === String(rule.product_category_id);
  return false;
}

function lineTotal(line: Line): number {
  if (line.total_price !== undefined) return line.total_price;
  return (line.quantity ?? 0) * (line.unit_price ?? 0) - (line.discount ?? 0);
}
