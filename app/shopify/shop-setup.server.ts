import { z } from "zod";

import type { Database } from "~/db.server";
import type { Logger } from "~/logger.server";

import { CONSENT_METAFIELD_KEY } from "./consent";

/**
 * What the extensions need in the merchant's store, created on install and again from the admin
 * until it succeeds (every step is idempotent):
 * - the ORDER metafield definition `$app:diller_consent` (json) with `cartToOrderCopyable`, so the
 *   consent the checkout extension writes to the cart metafield is copied onto the order;
 * - the CUSTOMER metafield definition `$app:diller_consent` (json), where the app records consent.
 * It also stores the shop's time zone, so the dashboard counts days as the merchant does, and its
 * currency, so onboarding and settings can warn when it is not the Diller store's.
 */

export const EXTENSION_SETUP_QUERY = `#graphql
  query DillerExtensionSetup {
    shop { ianaTimezone currencyCode }
    orderConsent: metafieldDefinitions(first: 1, ownerType: ORDER, namespace: "$app", key: "diller_consent") {
      nodes { id capabilities { cartToOrderCopyable { enabled } } }
    }
    customerConsent: metafieldDefinitions(first: 1, ownerType: CUSTOMER, namespace: "$app", key: "diller_consent") {
      nodes { id }
    }
  }
`;

export const CREATE_METAFIELD_DEFINITION_MUTATION = `#graphql
  mutation DillerCreateMetafieldDefinition($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition { id }
      userErrors { field message code }
    }
  }
`;

export const UPDATE_METAFIELD_DEFINITION_MUTATION = `#graphql
  mutation DillerUpdateMetafieldDefinition($definition: MetafieldDefinitionUpdateInput!) {
    metafieldDefinitionUpdate(definition: $definition) {
      updatedDefinition { id }
      userErrors { field message code }
    }
  }
`;

/** Runs one Admin GraphQL operation for the shop being set up and returns its `data`. */
export type ShopGraphql = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

/** Adapts the `admin` context of shopify-app-remix (afterAuth, authenticate.admin) to ShopGraphql. */
export function shopGraphqlOf(admin: {
  graphql: (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;
}): ShopGraphql {
  return async (query, variables) => {
    const response = await admin.graphql(query, variables ? { variables } : undefined);
    const body: unknown = await response.json();
    return typeof body === "object" && body !== null && "data" in body ? body.data : undefined;
  };
}

const SetupStateSchema = z.object({
  shop: z.object({ ianaTimezone: z.string().nullish(), currencyCode: z.string().nullish() }).nullish(),
  orderConsent: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        capabilities: z.object({ cartToOrderCopyable: z.object({ enabled: z.boolean() }).nullish() }).nullish(),
      }),
    ),
  }),
  customerConsent: z.object({ nodes: z.array(z.object({ id: z.string() })) }),
});

const UserErrorsSchema = z.array(
  z.object({ field: z.array(z.string()).nullish(), message: z.string(), code: z.string().nullish() }),
);

export class ExtensionSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExtensionSetupError";
  }
}

const CONSENT_NAME = "Diller loyalty consent";
const CONSENT_DESCRIPTION =
  "Loyalty membership and marketing consent given at checkout (written by the Diller Loyalty app).";

function definitionInput(ownerType: "ORDER" | "CUSTOMER") {
  return {
    name: CONSENT_NAME,
    description: CONSENT_DESCRIPTION,
    namespace: "$app",
    key: CONSENT_METAFIELD_KEY,
    type: "json",
    ownerType,
    ...(ownerType === "ORDER" ? { capabilities: { cartToOrderCopyable: { enabled: true } } } : {}),
  };
}

function checkUserErrors(errors: z.infer<typeof UserErrorsSchema>, operation: string) {
  // TAKEN: another request created it in the meantime, which is what we want.
  const real = errors.filter((error) => error.code !== "TAKEN");
  if (real.length > 0) throw new ExtensionSetupError(`${operation}: ${real.map((error) => error.message).join("; ")}`);
}

async function createDefinition(graphql: ShopGraphql, ownerType: "ORDER" | "CUSTOMER") {
  const data = await graphql(CREATE_METAFIELD_DEFINITION_MUTATION, { definition: definitionInput(ownerType) });
  const payload = z
    .object({ metafieldDefinitionCreate: z.object({ userErrors: UserErrorsSchema }).nullish() })
    .safeParse(data);
  if (!payload.success || !payload.data.metafieldDefinitionCreate)
    throw new ExtensionSetupError(`metafieldDefinitionCreate (${ownerType}): unexpected response`);
  checkUserErrors(payload.data.metafieldDefinitionCreate.userErrors, `metafieldDefinitionCreate (${ownerType})`);
}

async function enableCartToOrderCopy(graphql: ShopGraphql) {
  const data = await graphql(UPDATE_METAFIELD_DEFINITION_MUTATION, {
    definition: {
      namespace: "$app",
      key: CONSENT_METAFIELD_KEY,
      ownerType: "ORDER",
      capabilities: { cartToOrderCopyable: { enabled: true } },
    },
  });
  const payload = z
    .object({ metafieldDefinitionUpdate: z.object({ userErrors: UserErrorsSchema }).nullish() })
    .safeParse(data);
  if (!payload.success || !payload.data.metafieldDefinitionUpdate)
    throw new ExtensionSetupError("metafieldDefinitionUpdate (ORDER): unexpected response");
  checkUserErrors(payload.data.metafieldDefinitionUpdate.userErrors, "metafieldDefinitionUpdate (ORDER)");
}

export type ExtensionSetupResult = { ok: true } | { ok: false; error: string };

/**
 * Creates the metafield definitions the extensions need (idempotent) and records the outcome on the
 * shop. Never throws: a failed setup must not fail the install; the dashboard offers to run it again.
 */
export async function prepareShopForExtensions(
  {
    db,
    graphql,
    logger,
    now = () => new Date(),
  }: { db: Database; graphql: ShopGraphql; logger: Logger; now?: () => Date },
  shop: string,
): Promise<ExtensionSetupResult> {
  try {
    const parsed = SetupStateSchema.safeParse(await graphql(EXTENSION_SETUP_QUERY));
    if (!parsed.success) throw new ExtensionSetupError("DillerExtensionSetup: unexpected response");
    const state = parsed.data;
    const orderDefinition = state.orderConsent.nodes[0];
    if (!orderDefinition) await createDefinition(graphql, "ORDER");
    else if (!orderDefinition.capabilities?.cartToOrderCopyable?.enabled) await enableCartToOrderCopy(graphql);
    if (!state.customerConsent.nodes[0]) await createDefinition(graphql, "CUSTOMER");
    await db.shop.updateMany({
      where: { shop },
      data: {
        extensionSetupAt: now(),
        extensionSetupError: null,
        timezone: state.shop?.ianaTimezone ?? null,
        currency: state.shop?.currencyCode ?? null,
      },
    });
    logger.info("extension setup done", { shop });
    return { ok: true };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    logger.warn("extension setup failed", { shop, error: text });
    await db.shop.updateMany({ where: { shop }, data: { extensionSetupError: text.slice(0, 500) } });
    return { ok: false, error: text };
  }
}
