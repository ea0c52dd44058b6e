import { answer, dillerFailed, invalid, type ActionResult } from "~/admin/action-result.server";
import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { message } from "~/i18n/translate";

import { parseForm, type FieldErrors } from "~/admin/forms";
import { classifyMemberQuery, lookupMembers, MemberLookupSchema } from "./members.server";
import type { DillerProblem, MemberView } from "~/admin/views";

export type MemberLookupBody = { members: MemberView[] } | { errors: FieldErrors } | { problem: DillerProblem };

/** Looks a member up by the email or phone the merchant typed (a POST: no personal data in URLs or access logs). */
export async function memberLookupAction(
  { db, dillerFor }: { db: Database; dillerFor: (shop: Shop) => DillerClient },
  shop: Shop,
  fields: Record<string, string>,
): Promise<ActionResult<MemberLookupBody>> {
  const parsed = parseForm(MemberLookupSchema, fields);
  if (!parsed.ok) return invalid(parsed.errors);
  const query = classifyMemberQuery(parsed.data.query);
  if (!query) return invalid({ query: message("members.errors.query") });
  try {
    const members = await lookupMembers({ db, diller: dillerFor(shop) }, shop.shop, query);
    return answer(200, { members });
  } catch (error) {
    return dillerFailed(error);
  }
}
