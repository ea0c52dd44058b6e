import { z } from "zod";

import { CONSENT_METAFIELD_KEY } from "./consent";

import { MEMBER_TAG } from "./admin-gateway";
import { AdminApiError, type AdminGraphql } from "./admin-gateway.server";

export const CLEAR_CUSTOMER_LOYALTY_MUTATION = `#graphql
  mutation DillerClearCustomerLoyalty($metafields: [MetafieldIdentifierInput!]!, $customerId: ID!, $tags: [String!]!) {
    metafieldsDelete(metafields: $metafields) { userErrors { field message } }
    tagsRemove(id: $customerId, tags: $tags) { userErrors { field message } }
  }
`;

const UserErrors = z.array(z.object({ message: z.string() })).catch([]);
const Result = z.object({
  metafieldsDelete: z.object({ userErrors: UserErrors }).nullish(),
  tagsRemove: z.object({ userErrors: UserErrors }).nullish(),
});

/**
 * Removes what the app wrote on a customer who left the loyalty program: the consent metafield
 * (`$app:diller_consent`) and the member tag. Shopify's email marketing consent is the customer's
 * own Shopify setting and is left alone.
 */
export async function clearCustomerLoyalty(graphql: AdminGraphql, shop: string, customerId: string): Promise<void> {
  const ownerId = `gid://shopify/Customer/${customerId}`;
  const data = await graphql(shop, CLEAR_CUSTOMER_LOYALTY_MUTATION, {
    customerId: ownerId,
    tags: [MEMBER_TAG],
    metafields: [{ ownerId, namespace: "$app", key: CONSENT_METAFIELD_KEY }],
  });
  const parsed = Result.safeParse(data);
  if (!parsed.success) throw new AdminApiError("unexpected DillerClearCustomerLoyalty response");
  const errors = [...(parsed.data.metafieldsDelete?.userErrors ?? []), ...(parsed.data.tagsRemove?.userErrors ?? [])];
  if (errors.length > 0)
    throw new AdminApiError(`DillerClearCustomerLoyalty: ${errors.map((e) => e.message).join("; ")}`);
}
