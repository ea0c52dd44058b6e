import type { Database } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { DillerNotFoundError } from "~/diller/errors.server";

import { recordActivity } from "./activity.server";
import type { OrderProgress } from "./order-progress";

/**
 * True when Diller no longer knows the member. A "not found" from a member-scoped call can also be
 * about something else (a coupon code, a transaction), so the member itself is read to be sure.
 */
export async function memberIsGone(diller: DillerClient, error: unknown, memberId: string): Promise<boolean> {
  if (!(error instanceof DillerNotFoundError)) return false;
  try {
    await diller.members.getMember({ memberId });
    return false;
  } catch (lookup) {
    if (lookup instanceof DillerNotFoundError) return true;
    throw lookup;
  }
}

export interface ForgetMemberInput {
  db: Database;
  shop: string;
  orderId: string;
  memberId: string;
  progress: OrderProgress;
  at: Date;
}

/**
 * A member deleted in Diller must not poison its customers: every link of the shop to that member is
 * cleared (the next order or customer update resolves the member afresh), the order's progress
 * forgets the member and the coupons it held, and the order's history says what happened.
 * Transactions already posted stay recorded: cancelling them by external id needs no member.
 */
export async function forgetDeletedMember({ db, shop, orderId, memberId, progress, at }: ForgetMemberInput) {
  const reason = `The Diller member ${memberId} no longer exists in Diller; the link was removed`;
  await db.customerLink.updateMany({
    where: { shop, memberId },
    data: { memberId: null, linkedBy: null, state: "NO_MEMBER", reason, profileHash: null },
  });
  const next: OrderProgress = {
    ...progress,
    memberId: undefined,
    linkedBy: undefined,
    couponCodes: undefined,
    reserved: [],
    released: false,
  };
  await db.orderSync.updateMany({
    where: { shop, orderId },
    data: { progressJson: JSON.stringify(next), memberId: null },
  });
  await recordActivity(db, {
    shop,
    kind: "MEMBER_UNLINKED",
    orderId,
    detail: `${reason}; looking for the member again`,
    at,
  });
}
