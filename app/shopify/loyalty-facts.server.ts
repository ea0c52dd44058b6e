import { z } from "zod";

import { AdminApiError, type AdminGraphql } from "./admin-gateway.server";

/** What themes, customer segments and e-mails can read about a linked member (app metafields). */
export interface LoyaltyFacts {
  memberId: string;
  points: number | null;
  level: string | null;
}

/** Prefix of the per-level customer tags (`diller-level-gold`). */
export const LEVEL_TAG_PREFIX = "diller-level-";

/** The customer tag for a level title: lower case, words joined by dashes. */
export function levelTag(level: string): string {
  const slug = level
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${LEVEL_TAG_PREFIX}${slug || "level"}`;
}

export const CUSTOMER_TAGS_QUERY = `#graphql
  query DillerCustomerTags($id: ID!) {
    customer(id: $id) { tags }
  }
`;

export const STORE_LOYALTY_FACTS_MUTATION = `#graphql
  mutation DillerStoreLoyaltyFacts(
    $metafields: [MetafieldsSetInput!]!
    $customerId: ID!
    $addTags: [String!]!
    $removeTags: [String!]!
    $addSome: Boolean!
    $removeSome: Boolean!
  ) {
    metafieldsSet(metafields: $metafields) { userErrors { field message } }
    tagsAdd(id: $customerId, tags: $addTags) @include(if: $addSome) { userErrors { field message } }
    tagsRemove(id: $customerId, tags: $removeTags) @include(if: $removeSome) { userErrors { field message } }
  }
`;

const UserErrors = z.object({ userErrors: z.array(z.object({ message: z.string() })) }).nullish();
const MutationResult = z.object({ metafieldsSet: UserErrors, tagsAdd: UserErrors, tagsRemove: UserErrors });
const TagsResult = z.object({ customer: z.object({ tags: z.array(z.string()) }).nullish() });

export interface LoyaltyFactsWriter {
  /** Sets the facts as app metafields; with `levelTags`, tags the customer with its level only. */
  store(shop: string, customerId: string, facts: LoyaltyFacts, options: { levelTags: boolean }): Promise<void>;
}

export function createLoyaltyFactsWriter({ graphql }: { graphql: AdminGraphql }): LoyaltyFactsWriter {
  return {
    async store(shop, customerId, facts, { levelTags }) {
      const ownerId = `gid://shopify/Customer/${customerId}`;
      const field = (key: string, type: string, value: string) => ({ ownerId, namespace: "$app", key, type, value });
      const metafields = [
        field("member_id", "single_line_text_field", facts.memberId),
        ...(facts.points !== null ? [field("points", "number_decimal", String(facts.points))] : []),
        ...(facts.level ? [field("level", "single_line_text_field", facts.level)] : []),
      ];
      let addTags: string[] = [];
      let removeTags: string[] = [];
      if (levelTags) {
        const wanted = facts.level ? levelTag(facts.level) : null;
        const current = TagsResult.safeParse(await graphql(shop, CUSTOMER_TAGS_QUERY, { id: ownerId }));
        const tags = current.success ? (current.data.customer?.tags ?? []) : [];
        removeTags = tags.filter((tag) => tag.startsWith(LEVEL_TAG_PREFIX) && tag !== wanted);
        addTags = wanted && !tags.includes(wanted) ? [wanted] : [];
      }
      const data = await graphql(shop, STORE_LOYALTY_FACTS_MUTATION, {
        metafields,
        customerId: ownerId,
        addTags,
        removeTags,
        addSome: addTags.length > 0,
        removeSome: removeTags.length > 0,
      });
      const result = MutationResult.safeParse(data);
      if (!result.success) throw new AdminApiError("unexpected DillerStoreLoyaltyFacts response");
      const errors = [result.data.metafieldsSet, result.data.tagsAdd, result.data.tagsRemove].flatMap(
        (part) => part?.userErrors ?? [],
      );
      if (errors.length > 0)
        throw new AdminApiError(`DillerStoreLoyaltyFacts: ${errors.map((error) => error.message).join("; ")}`);
    },
  };
}
