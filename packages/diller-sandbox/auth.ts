/**
 * OAuth 2.0 client credentials as Diller's identity server does it: the store id is the client id, the
 * API key the secret, the scope `api.retailer`. Tokens are opaque random strings kept in memory (a
 * restarted sandbox forgets them, so clients see a 401 and must fetch a new one).
 *
 * Error statuses follow IdentityServer (which the `/connect/token` path suggests Diller runs): every
 * token error is a 400 with an OAuth error JSON, including `invalid_client`.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";

import { type Clock } from "./clock";
import { type StoreState } from "./state/schema";

export const RETAILER_SCOPE = "api.retailer";

interface IssuedToken {
  storeId: string;
  expiresAt: number;
  revoked: boolean;
}

export type TokenCheck = { ok: true; storeId: string } | { ok: false; description: string };

export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly lifetimeSeconds: number,
    private readonly now: Clock,
  ) {}

  issue(storeId: string): { accessToken: string; expiresIn: number } {
    const accessToken = randomBytes(32).toString("base64url");
    this.tokens.set(accessToken, {
      storeId,
      expiresAt: this.now().getTime() + this.lifetimeSeconds * 1000,
      revoked: false,
    });
    return { accessToken, expiresIn: this.lifetimeSeconds };
  }

  check(accessToken: string): TokenCheck {
    const token = this.tokens.get(accessToken);
    if (!token) return { ok: false, description: "The access token is not known to this server." };
    if (token.revoked) return { ok: false, description: "The access token has been invalidated." };
    if (this.now().getTime() >= token.expiresAt) {
      return { ok: false, description: `The token expired at '${new Date(token.expiresAt).toISOString()}'.` };
    }
    return { ok: true, storeId: token.storeId };
  }

  expireAll(): void {
    for (const token of this.tokens.values()) token.revoked = true;
  }
}

export interface TokenEndpointResult {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** The authenticated client, when there was one (for logs). */
  storeId?: string;
}

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

function oauthError(error: string, description: string): TokenEndpointResult {
  return { status: 400, body: { error, error_description: description }, headers: NO_STORE };
}

export function handleTokenRequest(input: {
  contentType: string | undefined;
  authorization: string | undefined;
  rawBody: string;
  stores: readonly StoreState[];
  issuer: TokenIssuer;
}): TokenEndpointResult {
  if (!/^application\/x-www-form-urlencoded\b/i.test(input.contentType ?? "")) {
    return oauthError("invalid_request", "The body must be application/x-www-form-urlencoded.");
  }
  const form = new URLSearchParams(input.rawBody);
  const credentials = clientCredentialsOf(input.authorization, form);
  if (credentials === "ambiguous") {
    return oauthError("invalid_request", "Use exactly one client authentication method (Basic or form).");
  }
  const store = credentials && input.stores.find((candidate) => candidate.id === credentials.clientId);
  if (!credentials || !store || !sameSecret(store.apiKey, credentials.clientSecret)) {
    return oauthError("invalid_client", "Unknown client or wrong client secret.");
  }
  const grantType = form.get("grant_type");
  if (!grantType) return oauthError("invalid_request", "grant_type is missing.");
  if (grantType !== "client_credentials") {
    return oauthError("unsupported_grant_type", `Grant type ${grantType} is not supported.`);
  }
  // IdentityServer grants every allowed scope when none is requested; the SDK always sends api.retailer.
  const requested = (form.get("scope") ?? RETAILER_SCOPE).split(" ").filter(Boolean);
  if (requested.length === 0 || requested.some((scope) => scope !== RETAILER_SCOPE)) {
    return oauthError("invalid_scope", `Only the ${RETAILER_SCOPE} scope is available.`);
  }
  const { accessToken, expiresIn } = input.issuer.issue(store.id);
  return {
    status: 200,
    storeId: store.id,
    headers: NO_STORE,
    body: { access_token: accessToken, expires_in: expiresIn, token_type: "Bearer", scope: RETAILER_SCOPE },
  };
}

type ClientCredentials = { clientId: string; clientSecret: string };

function clientCredentialsOf(
  authorization: string | undefined,
  form: URLSearchParams,
): ClientCredentials | "ambiguous" | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  const postedId = form.get("client_id");
  if (basic && postedId !== null) return "ambiguous";
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const separator = decoded.indexOf(":");
    if (separator < 0) return undefined;
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
    return {
      clientId: formDecode(decoded.slice(0, separator)),
      clientSecret: formDecode(decoded.slice(separator + 1)),
    };
  }
  if (postedId !== null) return { clientId: postedId, clientSecret: form.get("client_secret") ?? "" };
  return undefined;
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return value;
  }
}

function sameSecret(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    token_endpoint: `${issuer}/connect/token`,
    grant_types_supported: ["client_credentials"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    scopes_supported: [RETAILER_SCOPE],
    response_types_supported: ["token"],
    claims_supported: ["client_id", "scope"],
  };
}
