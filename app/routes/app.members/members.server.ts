import { z } from "zod";

import type { Database } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { DillerError } from "~/diller/errors.server";
import type { Member, MemberCoupon, MemberStampCard } from "~/diller/schemas.server";

import { dillerProblemOf } from "~/admin/diller-problems.server";
import type { DillerProblem, MemberLinkView, MemberView } from "~/admin/views";

export const MemberLookupSchema = z.object({
  query: z
    .string({ error: "members.errors.query" })
    .trim()
    .min(1, "members.errors.query")
    .max(200, "members.errors.query"),
});

export type MemberQuery = { kind: "email"; email: string } | { kind: "phone"; phone: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INTERNATIONAL_PHONE = /^\+[1-9]\d{6,14}$/;

/** An email, or a phone in international form (`+47…` or `0047…`); anything else is refused. */
export function classifyMemberQuery(query: string): MemberQuery | null {
  const trimmed = query.trim();
  if (trimmed.includes("@")) return EMAIL.test(trimmed) ? { kind: "email", email: trimmed } : null;
  const phone = trimmed.replace(/[\s\-.()]/g, "").replace(/^00/, "+");
  return INTERNATIONAL_PHONE.test(phone) ? { kind: "phone", phone } : null;
}

/** The most members one lookup shows (an email or phone normally matches one). */
export const MAX_MEMBERS_SHOWN = 5;

function fullName(member: Member): string | null {
  const name = [member.first_name, member.last_name].filter(Boolean).join(" ").trim();
  return name || null;
}

function memberView(
  member: Member & { id: string },
  coupons: MemberCoupon[],
  stampCards: MemberStampCard[],
  links: MemberLinkView[],
  partialProblem: DillerProblem | null,
): MemberView {
  const detail = member.membership_detail;
  return {
    id: member.id,
    name: fullName(member),
    email: member.email ?? null,
    phone: member.phone ? `${member.phone.country_code} ${member.phone.number}`.trim() : null,
    points: detail?.points ?? null,
    level: detail?.level_title ?? null,
    nextLevel: detail?.next_level_title ?? null,
    pointsToNextLevel: detail?.remaining_points ?? null,
    levelExpires: detail?.level_expire_date ?? null,
    consents: {
      membership: member.consent?.gdpr_accepted ?? false,
      orderHistory: member.consent?.save_order_history ?? false,
      sms: member.consent?.receive_sms ?? false,
      email: member.consent?.receive_email ?? false,
    },
    coupons: coupons.map((coupon) => ({
      code: coupon.code,
      title: coupon.title,
      validTo: coupon.valid_to,
      timesRedeemed: coupon.times_redeemed ?? null,
      maxRedemptions: coupon.max_redemptions ?? null,
    })),
    stampCards: stampCards.map((card) => ({
      title: card.title?.trim() || `#${card.id ?? "?"}`,
      collected: card.stamps_collected ?? 0,
      required: card.required_stamps ?? null,
    })),
    links,
    partialProblem,
  };
}

/** Finds Diller members by email or phone, with their coupons, stamp cards and Shopify customer links. */
export async function lookupMembers(
  { db, diller }: { db: Database; diller: DillerClient },
  shop: string,
  query: MemberQuery,
): Promise<MemberView[]> {
  const found =
    query.kind === "email"
      ? await diller.members.findMembersByEmail(query.email)
      : await diller.members.findMembersByPhone(query.phone);
  const members = found
    .filter((member): member is Member & { id: string } => Boolean(member.id))
    .slice(0, MAX_MEMBERS_SHOWN);
  if (members.length === 0) return [];
  const links = await db.customerLink.findMany({
    where: { shop, memberId: { in: members.map((member) => member.id) } },
    orderBy: { updatedAt: "desc" },
    select: {
      memberId: true,
      customerId: true,
      state: true,
      linkedBy: true,
      membershipConsent: true,
      marketingConsent: true,
      updatedAt: true,
    },
  });
  return Promise.all(
    members.map(async (member) => {
      let partialProblem: DillerProblem | null = null;
      const settle = async <T>(read: Promise<T[]>): Promise<T[]> => {
        try {
          return await read;
        } catch (error) {
          if (!(error instanceof DillerError)) throw error;
          partialProblem ??= dillerProblemOf(error);
          return [];
        }
      };
      const [coupons, stampCards] = await Promise.all([
        settle(diller.coupons.listMemberCoupons({ memberId: member.id })),
        settle(diller.stampCards.listMemberStampCards({ memberId: member.id })),
      ]);
      const memberLinks = links
        .filter((link) => link.memberId === member.id)
        .map(({ memberId: _memberId, updatedAt, ...link }) => ({ ...link, updatedAt: updatedAt.toISOString() }));
      return memberView(member, coupons, stampCards, memberLinks, partialProblem);
    }),
  );
}
