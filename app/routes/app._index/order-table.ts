/**
 * The dashboard's order table state, carried in the URL: state filter, search and keyset
 * pagination. `after` is the cursor of the current page; `trail` the cursors of the pages before
 * it, so "previous" works without offsets (offsets get slow deep into 100,000 rows).
 */

export const ORDER_STATES = ["PENDING", "SENT", "CANCELLED", "SKIPPED", "FAILED"] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const PAGE_SIZE = 25;
const MAX_TRAIL = 100;
const CURSOR = /^[A-Za-z0-9_-]{1,64}$/;

export interface OrderTableQuery {
  state?: OrderState;
  search?: string;
  after?: string;
  trail: string[];
}

function isOrderState(value: string | null): value is OrderState {
  return ORDER_STATES.some((state) => state === value);
}

export function parseOrderTableQuery(params: URLSearchParams): OrderTableQuery {
  const state = params.get("state");
  const search = params.get("q")?.trim().slice(0, 100);
  const after = params.get("after") ?? undefined;
  const trail = (params.get("trail") ?? "")
    .split(".")
    .filter((cursor) => CURSOR.test(cursor))
    .slice(-MAX_TRAIL);
  const validAfter = after && CURSOR.test(after) ? after : undefined;
  return {
    ...(isOrderState(state) ? { state } : {}),
    ...(search ? { search } : {}),
    ...(validAfter ? { after: validAfter } : {}),
    trail: validAfter ? trail : [],
  };
}

function toParams(query: OrderTableQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.state) params.set("state", query.state);
  if (query.search) params.set("q", query.search);
  if (query.after) params.set("after", query.after);
  if (query.after && query.trail.length > 0) params.set("trail", query.trail.join("."));
  return params;
}

/** The same filter from its first page (changing the filter or search starts over). */
export function firstPageParams(query: Pick<OrderTableQuery, "state" | "search">): URLSearchParams {
  return toParams({ state: query.state, search: query.search, trail: [] });
}

export function nextPageParams(query: OrderTableQuery, nextCursor: string): URLSearchParams {
  const trail = query.after ? [...query.trail, query.after].slice(-MAX_TRAIL) : [];
  return toParams({ ...query, after: nextCursor, trail });
}

/** The page before, or null on the first page. */
export function previousPageParams(query: OrderTableQuery): URLSearchParams | null {
  if (!query.after) return null;
  const trail = [...query.trail];
  const after = trail.pop();
  return toParams({ ...query, after, trail });
}
