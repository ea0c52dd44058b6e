import type { CheckoutConfigResponse, CheckoutMemberResponse, StorefrontError } from "@diller/storefront-contract";
import { type StorefrontClient } from "@diller/extension-kit";

/** Who is shopping, as far as loyalty is concerned. */
export type Shopper =
  | { kind: "loading" }
  | { kind: "guest" }
  | { kind: "not_member" }
  | { kind: "member"; data: Extract<CheckoutMemberResponse, { status: "member" }> }
  | { kind: "unavailable"; error: StorefrontError };

export async function loadShopper(client: StorefrontClient): Promise<Shopper> {
  const result = await client.get<CheckoutMemberResponse>("/api/checkout/member");
  if (!result.ok) {
    return result.error.code === "login_required" ? { kind: "guest" } : { kind: "unavailable", error: result.error };
  }
  return result.data.status === "member" ? { kind: "member", data: result.data } : { kind: "not_member" };
}

export async function loadConfig(client: StorefrontClient): Promise<CheckoutConfigResponse | null> {
  const result = await client.get<CheckoutConfigResponse>("/api/checkout/config");
  return result.ok ? result.data : null;
}
