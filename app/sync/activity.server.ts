import { insertRow, type Database, type SyncActivityKind } from "~/db.server";

export interface ActivityEntry {
  shop: string;
  kind: SyncActivityKind;
  orderId?: string;
  customerId?: string;
  externalId?: string;
  amount?: string;
  points?: number;
  detail?: string;
  at: Date;
}

/** Appends to the shop's sync history (the dashboard's per-day figures read it). */
export async function recordActivity(db: Database, entry: ActivityEntry): Promise<void> {
  // One per side effect: without Prisma's query compiler (docs/decisions/049).
  await insertRow(db, "SyncActivity", entry);
}
