/** The Diller API hosts a merchant can connect to. */
export const DILLER_ENVIRONMENTS = {
  production: { label: "Production", baseUrl: "https://api.diller.app" },
  prerelease: { label: "Pre-release (test)", baseUrl: "https://api.prerelease.dillerapp.com" },
  custom: { label: "Custom URL", baseUrl: null },
} as const;

export type DillerEnvironment = keyof typeof DILLER_ENVIRONMENTS;

export function isDillerEnvironment(value: string): value is DillerEnvironment {
  return value in DILLER_ENVIRONMENTS;
}

/** The base URL a shop's settings point at (custom environments carry their own). */
export function baseUrlFor(environment: string, customBaseUrl: string | null): string | null {
  if (!isDillerEnvironment(environment)) return null;
  return DILLER_ENVIRONMENTS[environment].baseUrl ?? customBaseUrl;
}
