import { callAndParse } from "./call.server";
import type { components } from "@diller/diller-contract";
import { DillerInvalidInputError } from "./errors.server";
import {
  ActionResponseSchema,
  DependentListSchema,
  MemberListSchema,
  MemberProfileWidgetResponseSchema,
  MemberResponseSchema,
  type ActionResponse,
  type Dependent,
  type Member,
  type MemberProfileWidget,
} from "./schemas.server";
import type { DillerTransport } from "./transport.server";

type Schemas = components["schemas"];

export interface MemberSearch {
  email?: string;
  /** International format, e.g. `+4712345678`. */
  phone?: string;
  /** The store-defined extra identifier (`StoreResponse.member_identifier`). */
  identifierValue?: string;
  activationToken?: string;
}

export interface MemberRef {
  memberId: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A phone number for `members/search`, in international format. Spaces, dashes, dots and brackets
 * are dropped and a `00` prefix becomes `+`; a national number is refused, because Diller would
 * read it in the store's country, which may not be the shopper's.
 */
export function internationalPhone(operationId: string, phone: string): string {
  const compact = phone.replace(/[\s\-.()]/g, "").replace(/^00/, "+");
  if (!E164.test(compact)) {
    throw new DillerInvalidInputError(operationId, "phone", "must be an international number such as +4712345678");
  }
  return compact;
}

/** Members: create, find, read, change, delete, profile widget and dependents. */
export function membersApiFactory({ transport }: { transport: DillerTransport }) {
  async function searchMembers(search: MemberSearch): Promise<Member[]> {
    const query = {
      email: search.email?.trim() || undefined,
      phone: search.phone === undefined ? undefined : internationalPhone("getMemberByFilter", search.phone),
      identifierValue: search.identifierValue?.trim() || undefined,
      activationToken: search.activationToken?.trim() || undefined,
    };
    if (Object.values(query).every((value) => value === undefined)) {
      throw new DillerInvalidInputError("getMemberByFilter", "search", "needs an email, phone, identifier or token");
    }
    return callAndParse(transport, "getMemberByFilter", MemberListSchema, { query });
  }

  return {
    /**
     * `registerMember`: creates a member and sends a welcome SMS or email. Never re-sent after an
     * ambiguous failure (`DillerAmbiguousFailureError`): a repeat could create a second member.
     * Search by phone or email first, then register only if nobody was found.
     */
    async registerMember(member: Schemas["RegisterMemberRequest"]): Promise<Member> {
      return callAndParse(transport, "registerMember", MemberResponseSchema, { body: member });
    },
    /** `enrollMember`: creates a member from a phone number and sends an activation link. Not re-sent either. */
    async enrollMember(enrollment: Schemas["EnrollMemberRequest"]): Promise<Member> {
      return callAndParse(transport, "enrollMember", MemberResponseSchema, { body: enrollment });
    },
    /** `getMemberByFilter`: always a list (empty when nobody matches). */
    searchMembers,
    async findMembersByEmail(email: string): Promise<Member[]> {
      if (!email.includes("@")) throw new DillerInvalidInputError("getMemberByFilter", "email", "is not an email");
      return searchMembers({ email });
    },
    /** @param phone international format, e.g. `+4712345678` */
    async findMembersByPhone(phone: string): Promise<Member[]> {
      return searchMembers({ phone });
    },
    /** `getMemberById`. An unknown id is a `DillerNotFoundError`. */
    async getMember({ memberId }: MemberRef): Promise<Member> {
      return callAndParse(transport, "getMemberById", MemberResponseSchema, { path: { memberId } });
    },
    /** `updateMember` (PUT): only the fields sent change. The phone changes through `startPhoneChange`. */
    async updateMember({
      memberId,
      changes,
    }: MemberRef & { changes: Schemas["UpdateMemberRequest"] }): Promise<Member> {
      return callAndParse(transport, "updateMember", MemberResponseSchema, { path: { memberId }, body: changes });
    },
    /**
     * `deleteMember`: flags the member at once, purged after 10 days. Retried like a DELETE; a
     * `DillerNotFoundError` on a later call means the member is already gone.
     */
    async deleteMember({ memberId }: MemberRef): Promise<ActionResponse> {
      return callAndParse(transport, "deleteMember", ActionResponseSchema, { path: { memberId } });
    },
    /** `getWidgetProfile`: the URL of Diller's member profile page. */
    async getMemberProfileWidget({ memberId }: MemberRef): Promise<MemberProfileWidget> {
      return callAndParse(transport, "getWidgetProfile", MemberProfileWidgetResponseSchema, { path: { memberId } });
    },
    /** `getDependents`. */
    async listDependents({ memberId }: MemberRef): Promise<Dependent[]> {
      return callAndParse(transport, "getDependents", DependentListSchema, { path: { memberId } });
    },
    /**
     * `updateDependents`: replaces the whole list (id 0 creates, an existing id overwrites, a missing
     * one is deleted). Not re-sent after an ambiguous failure: a repeat would create the new ones twice.
     */
    async replaceDependents({
      memberId,
      dependents,
    }: MemberRef & { dependents: Schemas["Dependent"][] }): Promise<void> {
      await transport.call("updateDependents", { path: { memberId }, body: dependents });
    },
  };
}
