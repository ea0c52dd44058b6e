import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { createSecretBox, DecryptionError, maskSecret } from "./encryption.server";

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const apiKey = "diller-api-key-0123456789abcdef0123456789abcdef";

describe("createSecretBox", () => {
  it("round-trips a secret and never stores it in the clear", () => {
    const box = createSecretBox(keyA);
    const sealed = box.seal(apiKey);
    expect(sealed).not.toContain(apiKey);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(box.open(sealed)).toBe(apiKey);
  });

  it("uses a fresh IV per seal", () => {
    const box = createSecretBox(keyA);
    expect(box.seal(apiKey)).not.toBe(box.seal(apiKey));
  });

  it("rejects a tampered envelope", () => {
    const box = createSecretBox(keyA);
    const parts = box.seal(apiKey).split(".");
    const ciphertext = Buffer.from(parts[4] ?? "", "base64url");
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    parts[4] = ciphertext.toString("base64url");
    expect(() => box.open(parts.join("."))).toThrow(DecryptionError);
  });

  it("rejects an envelope re-labelled with another key id", () => {
    const sealedWithA = createSecretBox(keyA).seal(apiKey);
    const boxB = createSecretBox(keyB, [keyA]);
    const idOfB = boxB.seal("x").split(".")[1];
    const parts = sealedWithA.split(".");
    parts[1] = idOfB ?? "";
    expect(() => boxB.open(parts.join("."))).toThrow(DecryptionError);
  });

  it("rotates: the new key opens old envelopes through the previous keys and reseals them", () => {
    const old = createSecretBox(keyA).seal(apiKey);
    const rotated = createSecretBox(keyB, [keyA]);
    expect(rotated.open(old)).toBe(apiKey);
    expect(rotated.needsResealing(old)).toBe(true);
    const resealed = rotated.seal(rotated.open(old));
    expect(rotated.needsResealing(resealed)).toBe(false);
    // Once the old key is dropped, only resealed values open.
    const afterRotation = createSecretBox(keyB);
    expect(afterRotation.open(resealed)).toBe(apiKey);
    expect(() => afterRotation.open(old)).toThrow(/not configured/);
  });

  it.each([["plain text"], ["v2.a.b.c.d"], ["v1.only.three"]])("refuses %j", (value) => {
    expect(() => createSecretBox(keyA).open(value)).toThrow(DecryptionError);
  });
});

describe("maskSecret", () => {
  it("keeps only the last four characters", () => {
    expect(maskSecret(apiKey)).toBe("••••••••cdef");
    expect(maskSecret(apiKey)).not.toContain(apiKey.slice(0, -4));
  });
});
