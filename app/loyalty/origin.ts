import type { ShopifyOrder } from "~/shopify/payloads/order";
import type { ShopifyRefund } from "~/shopify/payloads/refund";

/** Diller's business channels (`Origin.channel`); Diller reads a missing or unknown one as POS. */
export type DillerChannel = "OnlineStore" | "POS";

/** Where Diller books a purchase, a cancellation or a coupon reservation. */
export interface Origin {
  channel: DillerChannel;
  /** null → no department fields are sent. */
  departmentId: string | null;
}

export interface OriginSettings {
  /** The shop's default department (Settings → Orders); null when none is chosen. */
  defaultDepartmentId: string | null;
  /** Shopify location id (numeric text) → the Diller department of that location's POS registers. */
  locationDepartments: ReadonlyMap<string, string>;
}

/** Shopify's `source_name` of orders placed at Shopify POS. */
const POS_SOURCE = "pos";

/**
 * The origin of an order: a Shopify POS order is booked on channel POS under its location's
 * department (the default department when the location has none); every other order on channel
 * OnlineStore under the default department.
 */
export function orderOrigin(
  settings: OriginSettings,
  order: Pick<ShopifyOrder, "source_name" | "location_id">,
): Origin {
  if (!placedAtPos(order)) {
    return { channel: "OnlineStore", departmentId: settings.defaultDepartmentId };
  }
  return { channel: "POS", departmentId: locationDepartment(settings, order.location_id) };
}

/**
 * The origin of undoing (part of) a purchase because of returns: a refund that moved money at a
 * POS location (its transactions carry the location) is a return at POS, booked under that
 * location's department, even for an order placed online. Refunds made elsewhere carry no location
 * and follow the order's own origin. The latest refund decides.
 */
export function returnOrigin(
  settings: OriginSettings,
  order: Pick<ShopifyOrder, "source_name" | "location_id">,
  refunds: readonly Pick<ShopifyRefund, "created_at" | "processed_at" | "transactions">[],
): Origin {
  const latest = [...refunds].sort((a, b) => refundTime(a) - refundTime(b)).at(-1);
  const locationId = latest?.transactions.find((transaction) => transaction.location_id)?.location_id;
  if (!locationId) return orderOrigin(settings, order);
  return { channel: "POS", departmentId: locationDepartment(settings, locationId) };
}

/**
 * The Shopify locations whose departments `orderOrigin` and `returnOrigin` may read for an order
 * and its refunds: none for an order placed and refunded online, so its sync needs no mapping.
 */
export function originLocationIds(
  order: Pick<ShopifyOrder, "source_name" | "location_id">,
  refunds: readonly Pick<ShopifyRefund, "transactions">[],
): string[] {
  const ids = refunds.flatMap((refund) =>
    refund.transactions.flatMap((transaction) => (transaction.location_id ? [transaction.location_id] : [])),
  );
  if (placedAtPos(order) && order.location_id) ids.push(order.location_id);
  return [...new Set(ids)];
}

/** The `origin` object of a Diller request. */
export function dillerOrigin(systemId: string, { channel, departmentId }: Origin) {
  return { system_id: systemId, ...(departmentId ? { department_id: departmentId } : {}), channel };
}

function placedAtPos(order: Pick<ShopifyOrder, "source_name">): boolean {
  return order.source_name?.trim().toLowerCase() === POS_SOURCE;
}

function locationDepartment(settings: OriginSettings, locationId: string | null | undefined): string | null {
  return (locationId ? settings.locationDepartments.get(locationId) : undefined) ?? settings.defaultDepartmentId;
}

/** Refunds without a readable time sort first (the sort is stable: among equals the last one listed wins). */
function refundTime(refund: Pick<ShopifyRefund, "created_at" | "processed_at">): number {
  const time = Date.parse(refund.processed_at ?? refund.created_at ?? "");
  return Number.isNaN(time) ? 0 : time;
}
