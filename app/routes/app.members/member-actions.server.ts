import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { message } from "~/i18n/translate";

import { dillerProblemOf } from "~/admin/diller-problems.server";
import { parseForm, type FieldErrors } from "~/admin/forms";
import { classifyMemberQuery, lookupMembers, MemberLookupSchema } from "./members.server";
import type { DillerProblem, MemberView } from "~/admin/views";

export type MemberLookupResult =
  | { members: MemberView[]; status: 200 }
  | { errors: FieldErrors; status: 422 }
  | { problem: DillerProblem; status: 502 };

/** Looks a member up by the email or phone the merchant typed (a POST: no personal data in URLs or access logs). */
export async function memberLookupAction(
  { db, dillerFor }: { db: Database; dillerFor: (shop: Shop) => DillerClient },
  shop: Shop,
  fields: Record<string, string>,
): Promise<MemberLookupResult> {
  const parsed = parseForm(MemberLookupSchema, fields);
  if (!parsed.ok) return { errors: parsed.errors, status: 422 };
  const query = classifyMemberQuery(parsed.data.query);
  if (!query) return { errors: { query: message("members.errors.query") }, status: 422 };
  try {
    return { members: await lookupMembers({ db, diller: dillerFor(shop) }, shop.shop, query), status: 200 };
  } catch (error) {
    return { problem: dillerProblemOf(error), status: 502 };
  }
}
