import type { AccountLoyaltyResponse, JoinForm, OrderPointsResponse } from "@diller/storefront-contract";

import { z } from "zod";

import { DillerNotFoundError } from "~/diller/errors.server";
import type { StorefrontContext } from "~/storefront/handler.server";
import { StorefrontHttpError } from "~/storefront/errors.server";
import { recordActivity } from "~/sync/activity.server";
import { toE164 } from "~/sync/phone";

import type { AccountDeps } from "./deps.server";
import { maskPhone, prefillOfCustomer } from "./profile";
import type { AccountReads } from "./reads.server";
import { OrderIdSchema } from "./request-schemas";
import {
  customerSnapshotOf,
  isActiveMember,
  linkCustomerToMember,
  linkedMemberIdOf,
  openAccount,
  type AccountSession,
} from "./session.server";

const OrderTotal = z.object({ total_price: z.string() });

/** The order's total from the stored payload, for the estimate before it is booked. */
function orderTotalOf(orderJson: string | null): string | null {
  if (!orderJson) return null;
  try {
    const parsed = OrderTotal.safeParse(JSON.parse(orderJson));
    return parsed.success ? parsed.data.total_price : null;
  } catch {
    return null;
  }
}

/** GET /api/account/loyalty and GET /api/account/order-points. */
export function createLoyaltyPage(deps: AccountDeps, reads: AccountReads, now: () => Date) {
  const { db } = deps;

  async function joinForm(session: AccountSession): Promise<JoinForm> {
    const store = await reads.storeData(session);
    return {
      prefill: prefillOfCustomer(customerSnapshotOf(session.link)),
      segments: store.segmentFields,
      consent: {
        membershipText: session.shop.membershipConsentText,
        marketingText: session.shop.marketingConsentText,
        textVersion: session.shop.consentTextVersion,
        privacyPolicyUrl: store.privacyPolicyUrl,
      },
    };
  }

  /**
   * A customer who is not linked yet: a member with their Shopify-verified email is linked at once
   * (decision 010); a member with their phone only is offered behind a one-time code; a customer who
   * left the program is only offered the join form.
   */
  async function findMember(session: AccountSession): Promise<{ memberId: string } | { maskedPhone: string } | null> {
    if (session.link?.state === "LEFT") return null;
    const customer = customerSnapshotOf(session.link);
    const email = customer?.email?.trim();
    if (email && customer?.verified_email === true) {
      const member = (await session.diller.members.findMembersByEmail(email)).find(isActiveMember);
      if (member) {
        await linkCustomerToMember(db, session, member.id, "email", null);
        await recordActivity(db, {
          shop: session.shop.shop,
          kind: "MEMBER_LINKED",
          customerId: session.customerId,
          at: now(),
        });
        return { memberId: member.id };
      }
    }
    const phone = toE164(customer?.phone ?? customer?.default_address?.phone);
    if (!phone) return null;
    const member = (await session.diller.members.findMembersByPhone(phone)).find(isActiveMember);
    return member?.phone ? { maskedPhone: maskPhone(member.phone) } : null;
  }

  return {
    async loyalty(context: StorefrontContext): Promise<AccountLoyaltyResponse> {
      const session = await openAccount(deps, context);
      let memberId = linkedMemberIdOf(session.link);
      if (!memberId) {
        const found = await findMember(session);
        if (found && "maskedPhone" in found) {
          return { status: "phone_match", maskedPhone: found.maskedPhone, form: await joinForm(session) };
        }
        memberId = found?.memberId ?? null;
      }
      if (!memberId) return { status: "not_member", form: await joinForm(session) };
      try {
        const [member, form] = await Promise.all([reads.memberDetail(session, memberId), joinForm(session)]);
        return { status: "member", member, form };
      } catch (error) {
        if (!(error instanceof DillerNotFoundError)) throw error;
        // Deleted in Diller (e.g. by the merchant): the link is stale; the customer may join again.
        await db.customerLink.update({
          where: { shop_customerId: { shop: session.shop.shop, customerId: session.customerId } },
          data: { state: "NO_MEMBER", memberId: null, reason: "The linked Diller member no longer exists" },
        });
        return { status: "not_member", form: await joinForm(session) };
      }
    },

    /** The order must be this customer's: another customer's order is 403, an unknown one 404. */
    async orderPoints(context: StorefrontContext): Promise<OrderPointsResponse> {
      const session = await openAccount(deps, context);
      const parsed = OrderIdSchema.safeParse(new URL(context.request.url).searchParams.get("orderId") ?? "");
      if (!parsed.success) throw StorefrontHttpError.invalidInput({ orderId: "invalid_option" });
      const order = await db.orderSync.findUnique({
        where: { shop_orderId: { shop: session.shop.shop, orderId: parsed.data } },
        select: { customerId: true, state: true, totalSent: true, orderJson: true },
      });
      if (!order) throw new StorefrontHttpError("not_found");
      if (order.customerId !== session.customerId) throw new StorefrontHttpError("forbidden");
      if (order.state === "SKIPPED" || order.state === "CANCELLED") return { status: "not_booked", points: null };
      const booked = await db.syncActivity.findFirst({
        where: {
          shop: session.shop.shop,
          orderId: parsed.data,
          kind: { in: ["TRANSACTION_SENT", "REMAINDER_SENT"] },
        },
        orderBy: { at: "desc" },
        select: { points: true, amount: true },
      });
      const status = order.state === "SENT" ? "booked" : "pending";
      if (booked?.points !== undefined && booked.points !== null) return { status, points: booked.points };
      const store = await reads.storeData(session);
      const total = Number(booked?.amount ?? order.totalSent ?? orderTotalOf(order.orderJson) ?? Number.NaN);
      const points =
        store.pointsPerCurrencyUnit !== null && Number.isFinite(total)
          ? Math.round(total * store.pointsPerCurrencyUnit * 100) / 100
          : null;
      return { status, points };
    },
  };
}
