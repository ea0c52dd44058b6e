import type { Database, Shop } from "~/db.server";
import type { CallSlots } from "~/diller/call-slots.server";
import { createConnectionTester, createDillerClient } from "~/diller/client.server";
import { createTokenCache } from "~/diller/token-cache.server";
import { PermanentJobError } from "~/jobs/queue";
import type { Logger } from "~/logger.server";
import type { SecretBox } from "~/security/encryption.server";

import { connectShopToDiller, type ConnectShop } from "./connection.server";
import { dillerConnectionOf, type DillerConnection } from "./shop.server";

/**
 * A shop's way to Diller, built once by the composition root: the only place a shop's sealed API
 * key is opened, the client built on it, the connection tester and the connect step.
 */
export function createDillerAccess({ db, secrets, logger }: { db: Database; secrets: SecretBox; logger: Logger }) {
  // The app's access tokens, one per connection, shared by every client this app builds (and by nobody else).
  const tokenCache = createTokenCache();

  /**
   * The shop's connection, or null when it is not (completely) configured. Throws DecryptionError
   * when the key was sealed with a key this server no longer has.
   */
  function connectionFor(shop: Shop): DillerConnection | null {
    return dillerConnectionOf(shop, secrets);
  }

  /** The Diller client of a connected shop; with `callSlots`, its API calls wait for one of them. */
  function clientFor(shop: Shop, { callSlots }: { callSlots?: CallSlots } = {}) {
    const connection = connectionFor(shop);
    if (!connection) throw new PermanentJobError(`Diller is not connected for ${shop.shop}`);
    return createDillerClient({
      ...connection,
      tokenCache,
      logger: logger.child({ shop: shop.shop }),
      ...(callSlots ? { callSlots } : {}),
    });
  }

  /** "Test connection" (admin onboarding and settings, CLI `connect`), with the client's default timeout. */
  const tester = createConnectionTester({ logger: logger.child({ component: "connection-test" }) });

  /** Tests a Diller connection and, when it works, saves it with the key sealed (admin onboarding, CLI). */
  const connectShop: ConnectShop = (shop, input, options) =>
    connectShopToDiller({ db, secrets, tester }, shop, input, options);

  return { connectionFor, clientFor, tester, connectShop };
}
