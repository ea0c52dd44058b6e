/** Non-eligible product rules: paged list, batch add (atomic), batch update (per item), delete. */
import { checkRule, MAX_BATCH, mergeRule, todayForStore } from "../domain/non-eligible";
import { type Schemas } from "../operation-types";
import { fieldProblem } from "../problem";
import { type StoreState } from "../state/schema";
import { type Handler, requireBody } from "./context";

const DEFAULT_PAGE_SIZE = 20;

type Rule = StoreState["nonEligibleProducts"][number];

const getNonEligibleProducts: Handler<"getNonEligibleProducts"> = ({ store }, { query }) => {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const rules = [...store.nonEligibleProducts].sort((a, b) => a.id - b.id);
  return {
    status: 200,
    body: { data: rules.slice(offset, offset + limit).map(toResponse), total_records: rules.length, offset, limit },
  };
};

const addBatchNonEligibleProducts: Handler<"addBatchNonEligibleProducts"> = (context, { body }) => {
  const { store, now, logger } = context;
  const items = requireBody(body);
  assertBatchSize(items.length);
  const today = todayForStore(store, now);
  const failures: Schemas["AddNonEligibleBatchError"][] = [];
  items.forEach((item, index) => {
    const errors = checkRule(item, [...store.nonEligibleProducts, ...items.slice(0, index)], today);
    if (errors.length === 0) return;
    const failure: Schemas["AddNonEligibleBatchError"] = { errors };
    if (item.product_id !== undefined) failure.product_id = item.product_id;
    if (item.product_id_prefix !== undefined) failure.product_id_prefix = item.product_id_prefix;
    failures.push(failure);
  });
  if (failures.length > 0) return { status: 400, body: failures };
  const created = items.map((item): Rule => ({
    ...item,
    subsystem: item.subsystem ?? "All",
    id: context.nextId("nonEligibleProduct"),
  }));
  store.nonEligibleProducts.push(...created);
  logger.info("Non-eligible products added", { storeId: store.id, count: created.length });
  return { status: 200, body: created.map(toResponse) };
};

const updateBatchNonEligibleProducts: Handler<"updateBatchNonEligibleProducts"> = (
  { store, now, logger },
  { body },
) => {
  const items = requireBody(body);
  assertBatchSize(items.length);
  const today = todayForStore(store, now);
  const updatedIds = new Set<number>();
  const statuses = items.map((item): Schemas["UpdateBatchStatus"] => {
    if (item.id === undefined) return { status: false, errors: ["The id field is required."] };
    const index = store.nonEligibleProducts.findIndex((rule) => rule.id === item.id);
    const existing = store.nonEligibleProducts[index];
    if (!existing) return { id: item.id, status: false, errors: [`Rule ${item.id} does not exist.`] };
    if (updatedIds.has(item.id))
      return { id: item.id, status: false, errors: [`Rule ${item.id} appears more than once.`] };
    const merged = mergeRule(existing, item);
    // An unchanged expires_at is not re-checked: a rule may be edited on the day before it expires.
    const candidate = { ...merged, expires_at: item.expires_at };
    const others = store.nonEligibleProducts.filter((rule) => rule.id !== item.id);
    const errors = checkRule(candidate, others, today);
    if (errors.length > 0) return { id: item.id, status: false, errors };
    store.nonEligibleProducts[index] = merged;
    updatedIds.add(item.id);
    return { id: item.id, status: true };
  });
  logger.info("Non-eligible products updated", { storeId: store.id, updated: updatedIds.size, sent: items.length });
  if (updatedIds.size === items.length) {
    return { status: 200, body: { is_ok: true, details: `${updatedIds.size} rule(s) updated.` } };
  }
  return { status: updatedIds.size === 0 ? 400 : 207, body: statuses };
};

const deleteNonEligibleProduct: Handler<"deleteNonEligibleProduct"> = ({ store, logger }, { path }) => {
  const exists = store.nonEligibleProducts.some((rule) => rule.id === path.nonEligibleProductId);
  if (!exists) {
    return { status: 400, body: { is_ok: false, details: `Rule ${path.nonEligibleProductId} does not exist.` } };
  }
  store.nonEligibleProducts = store.nonEligibleProducts.filter((rule) => rule.id !== path.nonEligibleProductId);
  logger.info("Non-eligible product deleted", { storeId: store.id, id: path.nonEligibleProductId });
  return { status: 200, body: { is_ok: true, details: `Rule ${path.nonEligibleProductId} deleted.` } };
};

export const nonEligibleHandlers = {
  getNonEligibleProducts,
  addBatchNonEligibleProducts,
  updateBatchNonEligibleProducts,
  deleteNonEligibleProduct,
};

function assertBatchSize(size: number): void {
  if (size === 0) throw fieldProblem("$", "The batch is empty: send 1 to 100 items.");
  if (size > MAX_BATCH) throw fieldProblem("$", `A batch holds at most ${MAX_BATCH} items (got ${size}).`);
}

function toResponse(rule: Rule): Schemas["NonEligibleProductResponse"] {
  return { ...rule };
}
