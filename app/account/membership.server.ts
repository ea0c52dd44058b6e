import type { LeaveResponse, MemberDetailResponse } from "@diller/storefront-contract";

import { DillerNotFoundError, DillerValidationError } from "~/diller/errors.server";
import type { StorefrontContext } from "~/storefront/handler.server";
import { StorefrontHttpError } from "~/storefront/errors.server";
import { recordActivity } from "~/sync/activity.server";

import type { AccountDeps } from "./deps.server";
import { formErrorsOfDillerRefusal } from "./diller-refusals";
import { memberFieldsOf } from "./profile";
import type { AccountReads } from "./reads.server";
import { JoinSchema, LeaveSchema, MemberFormSchema, type MemberForm } from "./request-schemas";
import { segmentValuesOf } from "./segments";
import {
  customerSnapshotOf,
  isActiveMember,
  linkCustomerToMember,
  linkedMemberIdOf,
  openAccount,
  requireMemberId,
  type AccountSession,
} from "./session.server";

/** Runs a Diller write; a refusal naming form fields becomes 422 with those fields. */
async function dillerWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const fields = error instanceof DillerValidationError ? formErrorsOfDillerRefusal(error.fieldErrors) : null;
    if (fields) throw StorefrontHttpError.invalidInput(fields);
    throw error;
  }
}

/** POST /api/account/join, /api/account/profile and /api/account/leave. */
export function createMembership(deps: AccountDeps, reads: AccountReads, now: () => Date) {
  const { db, logger } = deps;

  async function segmentValues(session: AccountSession, form: MemberForm, clearEmpty: boolean) {
    const store = await reads.storeData(session);
    const { values, errors } = segmentValuesOf(store.segmentFields, form.segments, { clearEmpty });
    if (Object.keys(errors).length > 0) throw StorefrontHttpError.invalidInput(errors);
    return values;
  }

  /** Shopify's copy of the consents, after Diller: a Shopify failure is logged and never loses the membership. */
  async function storeConsentInShopify(session: AccountSession, memberId: string, form: MemberForm) {
    try {
      await deps.shopify.storeCustomerConsent(session.shop.shop, session.customerId, {
        membership: form.consents.membership,
        // Shopify's marketing consent is about email; SMS marketing stays with Diller.
        marketing: form.consents.marketingEmail,
        memberId,
        capturedAt: now().toISOString(),
        textVersion: String(form.textVersion),
      });
    } catch (error) {
      logger.warn("loyalty consent not stored on the Shopify customer", {
        shop: session.shop.shop,
        customerId: session.customerId,
        error,
      });
    }
  }

  /**
   * A member who already has the form's email: linked only when Shopify verified that email for this
   * customer (decision 010); anyone else gets 409, so nobody joins someone else's membership by typing
   * their address.
   */
  async function existingMemberFor(session: AccountSession, email: string): Promise<string | null> {
    const member = (await session.diller.members.findMembersByEmail(email)).find(isActiveMember);
    if (!member) return null;
    const customer = customerSnapshotOf(session.link);
    const verified = customer?.verified_email === true && customer.email?.trim().toLowerCase() === email.toLowerCase();
    if (!verified) throw new StorefrontHttpError("already_member");
    return member.id;
  }

  return {
    async join(context: StorefrontContext): Promise<MemberDetailResponse> {
      const session = await openAccount(deps, context);
      if (linkedMemberIdOf(session.link)) throw new StorefrontHttpError("already_member");
      const form = await context.body(JoinSchema);
      const segments = await segmentValues(session, form, false);
      const fields = memberFieldsOf(form);
      const existing = await existingMemberFor(session, form.profile.email);
      let memberId: string;
      if (existing) {
        await dillerWrite(() =>
          session.diller.members.updateMember({ memberId: existing, changes: { ...fields, segments } }),
        );
        memberId = existing;
      } else {
        const phone = form.profile.phone;
        if (!phone) throw StorefrontHttpError.invalidInput({ "profile.phone": "required" });
        const department = session.shop.dillerDepartmentId;
        const registered = await dillerWrite(() =>
          session.diller.members.registerMember({
            ...fields,
            phone: { country_code: phone.countryCode, number: phone.number },
            segments,
            ...(department ? { department_ids: [department] } : {}),
            origin: {
              system_id: `shopify:${session.shop.shop}`,
              channel: "OnlineStore",
              ...(department ? { department_id: department } : {}),
            },
          }),
        );
        if (!registered.id) throw new Error("Diller registered the member but returned no member id");
        memberId = registered.id;
      }
      const marketing = form.consents.marketingEmail || form.consents.marketingSms;
      await linkCustomerToMember(db, session, memberId, existing ? "email" : "registered", {
        membership: true,
        marketing,
      });
      await recordActivity(db, {
        shop: session.shop.shop,
        kind: existing ? "MEMBER_LINKED" : "MEMBER_REGISTERED",
        customerId: session.customerId,
        detail: "joined from the customer account",
        at: now(),
      });
      reads.forgetMember(session.shop.shop, memberId);
      await storeConsentInShopify(session, memberId, form);
      return { member: await reads.memberDetail(session, memberId) };
    },

    /** Edits everything but the phone (that goes through the one-time-code routes). */
    async updateProfile(context: StorefrontContext): Promise<MemberDetailResponse> {
      const session = await openAccount(deps, context);
      const memberId = requireMemberId(session);
      const form = await context.body(MemberFormSchema);
      const segments = await segmentValues(session, form, true);
      await dillerWrite(() =>
        session.diller.members.updateMember({ memberId, changes: { ...memberFieldsOf(form), segments } }),
      );
      reads.forgetMember(session.shop.shop, memberId);
      await db.customerLink.update({
        where: { shop_customerId: { shop: session.shop.shop, customerId: session.customerId } },
        data: { marketingConsent: form.consents.marketingEmail || form.consents.marketingSms },
      });
      await recordActivity(db, {
        shop: session.shop.shop,
        kind: "MEMBER_UPDATED",
        customerId: session.customerId,
        detail: "edited in the customer account",
        at: now(),
      });
      await storeConsentInShopify(session, memberId, form);
      return { member: await reads.memberDetail(session, memberId) };
    },

    /**
     * Deletes the member in Diller, then records the leave on the link (state LEFT, when, why), so
     * the sync engine books none of this customer's later orders and never relinks them by email or
     * registers them from an old consent. Shopify's copy of the consent is cleared last.
     */
    async leave(context: StorefrontContext): Promise<LeaveResponse> {
      const session = await openAccount(deps, context);
      const memberId = requireMemberId(session);
      const { reason } = await context.body(LeaveSchema);
      try {
        await session.diller.members.deleteMember({ memberId });
      } catch (error) {
        if (!(error instanceof DillerNotFoundError)) throw error;
      }
      const shop = session.shop.shop;
      await db.customerLink.update({
        where: { shop_customerId: { shop, customerId: session.customerId } },
        data: {
          state: "LEFT",
          memberId: null,
          linkedBy: null,
          membershipConsent: false,
          marketingConsent: false,
          leftAt: now(),
          reason: `Left the loyalty program from the customer account (member ${memberId})${reason ? `: ${reason}` : ""}`,
        },
      });
      await db.accountOtp.deleteMany({ where: { shop, customerId: session.customerId } });
      reads.forgetMember(shop, memberId);
      try {
        await deps.shopify.clearCustomerLoyalty(shop, session.customerId);
      } catch (error) {
        logger.warn("loyalty metafield and tag not cleared on the Shopify customer", {
          shop,
          customerId: session.customerId,
          error,
        });
      }
      return { left: true };
    },
  };
}
