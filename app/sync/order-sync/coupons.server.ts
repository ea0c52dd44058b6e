import { DillerNotFoundError, DillerValidationError } from "~/diller/errors.server";

import { markMintedCodesUsed, mintedCouponCodes, normalizeCode } from "../minted-coupons.server";
import type { OrderFacts } from "./facts.server";
import { saveProgress, type StepOutcome, type StepRun } from "./run.server";
import type { ActionStep, LookupStep } from "./steps";
import { assumeDone } from "./transitions";

type Step<K extends string> = Extract<ActionStep | LookupStep, { kind: K }>;

/**
 * Which of the order's discount codes are the member's Diller coupons. A code minted at checkout
 * names its Diller coupon (and is marked used); only other codes are compared with the member's coupons.
 */
export async function matchCoupons(facts: OrderFacts, { memberId, codes }: Step<"matchCoupons">, run: StepRun) {
  let couponCodes: string[] = [];
  if (codes.length > 0) {
    const minted = await mintedCouponCodes(run.db, facts.shop, codes);
    const others = codes.filter((code) => !minted.has(normalizeCode(code)));
    const coupons = others.length > 0 ? await run.diller.coupons.listMemberCoupons({ memberId }) : [];
    const dillerCodes = new Map(coupons.map((coupon) => [coupon.code.toLowerCase(), coupon.code]));
    const matched = codes.flatMap(
      (code) => minted.get(normalizeCode(code)) ?? dillerCodes.get(code.toLowerCase()) ?? [],
    );
    couponCodes = [...new Set(matched)];
    await markMintedCodesUsed(run.db, facts.shop, [...minted.keys()]);
  }
  return { ...facts, progress: { ...facts.progress, couponCodes } };
}

/** Reserves the coupons for the unbooked order, saving after each so a re-run reserves only the rest. */
export async function reserveCoupons(facts: OrderFacts, step: Step<"reserveCoupons">, run: StepRun) {
  let current = facts;
  for (const code of step.codes) {
    const result = await run.diller.coupons.reserveCoupon({
      memberId: step.memberId,
      couponCode: code,
      reservation: { channel: step.origin.channel, external_transaction_id: step.externalId },
    });
    if (result.is_ok === false)
      run.context.logger.warn("coupon not reserved", { orderId: facts.orderId, details: result.details });
    current = assumeDone(current, { ...step, codes: [code] });
    await saveProgress(run, current.progress);
  }
  return current;
}

/** Releases the reservations once the order is booked or cancelled; one already gone counts as released. */
export async function releaseReservations(
  facts: OrderFacts,
  step: Step<"releaseReservations">,
  run: StepRun,
): Promise<StepOutcome> {
  for (const code of step.codes) {
    await run.diller.coupons
      .cancelCouponReservation({
        memberId: step.memberId,
        couponCode: code,
        cancellation: { external_transaction_id: step.externalId },
      })
      .catch((error: unknown) => {
        if (!(error instanceof DillerValidationError || error instanceof DillerNotFoundError)) throw error;
        run.context.logger.info("reservation already gone", { orderId: facts.orderId });
      });
  }
  return { facts: assumeDone(facts, step), unsaved: { afterSaved: async () => {} } };
}
