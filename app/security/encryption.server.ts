import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Secrets at rest (the merchants' Diller API keys) are sealed with AES-256-GCM under
 * APP_ENCRYPTION_KEY. The envelope names the key it was sealed with, so keys can rotate: the
 * current key seals, the current and previous keys (APP_ENCRYPTION_KEYS_PREVIOUS) open, and
 * `needsResealing` finds values to re-encrypt (`npm run cli -- rotate-keys`).
 *
 * Envelope: `v1.<key id>.<iv>.<auth tag>.<ciphertext>` (base64url parts). The key id is the first
 * 8 bytes of SHA-256 of the key: it identifies, it does not reveal.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const KEY_BYTES = 32;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

export interface SecretBox {
  seal(plaintext: string): string;
  open(envelope: string): string;
  needsResealing(envelope: string): boolean;
  /** Whether a stored value is an envelope at all (older rows may hold plaintext). */
  isSealed(value: string): boolean;
}

function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

export function createSecretBox(currentKey: Buffer, previousKeys: Buffer[] = []): SecretBox {
  for (const key of [currentKey, ...previousKeys]) {
    if (key.length !== KEY_BYTES) throw new Error(`encryption keys must be ${KEY_BYTES} bytes`);
  }
  const currentId = keyId(currentKey);
  const keys = new Map([currentKey, ...previousKeys].map((key) => [keyId(key), key]));

  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", currentKey, iv);
      // The key id is authenticated too: an envelope cannot be re-labelled to another key.
      cipher.setAAD(Buffer.from(`${VERSION}.${currentId}`));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, currentId, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    open(envelope) {
      const parts = envelope.split(".");
      if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError("not an encrypted value");
      const [, id = "", iv = "", tag = "", ciphertext = ""] = parts;
      const key = keys.get(id);
      if (!key) throw new DecryptionError("sealed with a key that is not configured (APP_ENCRYPTION_KEY / _PREVIOUS)");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(`${VERSION}.${id}`));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw new DecryptionError("the encrypted value was altered or the key is wrong");
      }
    },
    needsResealing(envelope) {
      return envelope.split(".")[1] !== currentId;
    },
    isSealed(value) {
      const parts = value.split(".");
      return parts.length === 5 && parts[0] === VERSION;
    },
  };
}

/** Shows that a secret is set without showing it: `••••••••1a2b`. */
export function maskSecret(secret: string): string {
  return `${"•".repeat(8)}${secret.slice(-4)}`;
}
