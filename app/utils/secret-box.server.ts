import crypto from "node:crypto";
import { loadEnv } from "#app/utils/env.server.ts";

/**
 * Personal data encrypted at rest (decision 026): AES-256-GCM with a random 96-bit IV per value and
 * the key chosen by id, stored as `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url). PII_KEYS holds
 * `id:base64key` pairs, comma-separated; the FIRST encrypts, every one decrypts — rotating is adding
 * a new key in front and keeping the old ones until the values they sealed are purged.
 */
export interface SecretKey {
  id: string;
  key: Buffer;
}

export class SecretBoxError extends Error {}

export function parseKeys(spec: string): SecretKey[] {
  return spec.split(",").map((pair) => {
    const [id, encoded] = pair.trim().split(":");
    const key = Buffer.from(encoded ?? "", "base64");
    if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || key.length !== 32)
      throw new SecretBoxError("PII_KEYS must be id:base64 pairs of 32-byte keys");
    return { id, key };
  });
}

const keys = () => parseKeys(loadEnv().PII_KEYS);

/** `aad` binds the value to where it is stored (e.g. "order:42:customs-id"): moved elsewhere it will not open. */
export function seal(plain: string, aad: string, keyring: SecretKey[] = keys()): string {
  const { id, key } = keyring[0]!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const b64 = (b: Buffer) => b.toString("base64url");
  return ["v1", id, b64(iv), b64(cipher.getAuthTag()), b64(body)].join(".");
}

/** The plain value, or throws SecretBoxError (unknown key id, tampered or moved value). */
export function open(sealed: string, aad: string, keyring: SecretKey[] = keys()): string {
  const [version, id, iv, tag, body] = sealed.split(".");
  const key = keyring.find((k) => k.id === id);
  if (version !== "v1" || !key || iv === undefined || tag === undefined || body === undefined)
    throw new SecretBoxError("cannot open this value with the configured keys");
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("the value does not authenticate (tampered, moved or wrong key)");
  }
}
