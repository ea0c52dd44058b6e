import type { Database } from "~/db.server";

import type { SecretBox } from "./encryption.server";

/**
 * `rotate-keys` for Shopify sessions: seals tokens still stored in plaintext (rows written before
 * tokens were sealed) and re-seals those sealed with a previous key. Returns how many rows changed.
 */
export async function resealSessionTokens(
  db: Database,
  secrets: SecretBox,
): Promise<{ sessions: number; resealed: number }> {
  const rows = await db.session.findMany({ select: { id: true, accessToken: true, refreshToken: true } });
  const reseal = (value: string) =>
    secrets.isSealed(value)
      ? secrets.needsResealing(value)
        ? secrets.seal(secrets.open(value))
        : value
      : secrets.seal(value);
  let resealed = 0;
  for (const row of rows) {
    const accessToken = row.accessToken ? reseal(row.accessToken) : row.accessToken;
    const refreshToken = row.refreshToken ? reseal(row.refreshToken) : row.refreshToken;
    if (accessToken === row.accessToken && refreshToken === row.refreshToken) continue;
    await db.session.update({ where: { id: row.id }, data: { accessToken, refreshToken } });
    resealed++;
  }
  return { sessions: rows.length, resealed };
}
