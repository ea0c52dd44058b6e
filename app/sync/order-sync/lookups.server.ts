import type { OrderFacts } from "./facts.server";
import type { StepRun } from "./run.server";

/** The Diller store's currency, for orders that are skipped when theirs differs. */
export async function readStoreCurrency(facts: OrderFacts, run: StepRun): Promise<OrderFacts> {
  const storeFacts = await run.store.facts(run.shopRow, run.diller);
  // Retried with the job: an unreadable store profile must not skip orders for good.
  if (!storeFacts) throw new Error("The Diller store's currency could not be read");
  return { ...facts, store: { currency: storeFacts.currency } };
}

/** Product type, vendor and barcode of the order's variants; the transaction is sent without them if Shopify fails. */
export async function loadProducts(facts: OrderFacts, variantIds: string[], run: StepRun): Promise<OrderFacts> {
  const products = await run.admin.productInfo(facts.shop, variantIds).catch(() => new Map());
  return { ...facts, products };
}
