import { DillerConfigError } from "./errors.server";

/** Where one Diller connection points, checked once when the client is built. */
export interface DillerEndpoint {
  /** The base URL without a trailing slash, e.g. `https://api.diller.app`. */
  baseUrl: string;
  /**
   * True only for `http://` on a loopback host (the local sandbox). openid-client refuses plain
   * HTTP unless told otherwise; we tell it so for loopback and never for anything else.
   */
  allowInsecureRequests: boolean;
}

/**
 * Validates a Diller base URL: absolute, `https:` (or `http:` on a loopback host), no credentials,
 * query or fragment. Throws `DillerConfigError` before any request is made.
 */
export function parseDillerBaseUrl(raw: string): DillerEndpoint {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DillerConfigError("The Diller base URL is not a valid absolute URL.", { reason: "invalid-base-url" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new DillerConfigError("The Diller base URL must start with https://.", { reason: "invalid-base-url" });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new DillerConfigError("The Diller base URL must not contain credentials, a query or a fragment.", {
      reason: "invalid-base-url",
    });
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === "http:" && !loopback) {
    throw new DillerConfigError(
      `Refusing plain http:// for ${url.hostname}: the Diller API key and tokens must travel over https:// ` +
        "(plain http is allowed only for a local sandbox on 127.0.0.1, ::1 or localhost).",
      { reason: "insecure-base-url" },
    );
  }
  const path = url.pathname.replace(/\/+$/, "");
  return { baseUrl: `${url.origin}${path}`, allowInsecureRequests: url.protocol === "http:" && loopback };
}

const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** 127.0.0.0/8, ::1 and `localhost`: hosts whose traffic never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1") return true;
  const octets = IPV4_LOOPBACK.exec(host);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}
