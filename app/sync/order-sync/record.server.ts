import { updateRows, type Database, type OrderSync } from "~/db.server";

import { recordActivity } from "../activity.server";
import type { Settlement } from "./steps";

/**
 * Writes what the merchant sees for the order. A settled record carries no error; a newly skipped
 * order is written into the shop's history once.
 */
export async function settleRecord(db: Database, record: OrderSync, settled: Settlement, at: Date) {
  const { progress, ...fields } = settled;
  // Nothing is read back (the record's order snapshot is large); no query compiler (docs/decisions/049).
  await updateRows(db, "OrderSync", {
    set: {
      ...fields,
      ...(progress ? { progressJson: JSON.stringify(progress) } : {}),
      ...(fields.state !== "FAILED" ? { lastError: null } : {}),
    },
    where: { id: record.id, shop: record.shop },
  });
  if (fields.state === "SKIPPED" && record.state !== "SKIPPED") {
    await recordActivity(db, {
      shop: record.shop,
      kind: "ORDER_SKIPPED",
      orderId: record.orderId,
      detail: fields.reason ?? undefined,
      at,
    });
  }
}

/** The record of an order that is not sent, and why. */
export function skipped(reason: string): Settlement {
  return { state: "SKIPPED", reason: `Not sent: ${reason}` };
}
