import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";

import type { SecretBox } from "./encryption.server";

/**
 * Session storage that keeps Shopify access and refresh tokens sealed at rest with the same keys
 * (and rotation) as the Diller API keys. Everything else is delegated unchanged. A row written
 * before tokens were sealed still loads (the value is not an envelope) and is sealed the next time
 * the session is stored, or by `npm run cli -- rotate-keys`.
 */
export class SealedSessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly secrets: SecretBox,
  ) {}

  storeSession(session: Session): Promise<boolean> {
    return this.inner.storeSession(this.transform(session, (token) => this.secrets.seal(token)));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const session = await this.inner.loadSession(id);
    return session && this.opened(session);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    return (await this.inner.findSessionsByShop(shop)).map((session) => this.opened(session));
  }

  private opened(session: Session): Session {
    return this.transform(session, (token) => (this.secrets.isSealed(token) ? this.secrets.open(token) : token));
  }

  private transform(session: Session, change: (token: string) => string): Session {
    const params = session.toObject();
    return new Session({
      ...params,
      accessToken: params.accessToken ? change(params.accessToken) : params.accessToken,
      refreshToken: params.refreshToken ? change(params.refreshToken) : params.refreshToken,
    });
  }
}
