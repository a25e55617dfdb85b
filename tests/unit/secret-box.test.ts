import { expect, test } from "vitest";
import { open, parseKeys, seal, SecretBoxError } from "#app/utils/secret-box.server.ts";

const k1 = `k1:${Buffer.alloc(32, 1).toString("base64")}`;
const k2 = `k2:${Buffer.alloc(32, 2).toString("base64")}`;
const ID = "310115199003071239";

test("AES-256-GCM: opens with the same key and place; a fresh IV each time; the plain value is nowhere in it", () => {
  const ring = parseKeys(k1);
  const a = seal(ID, "order:1:customs-id", ring);
  const b = seal(ID, "order:1:customs-id", ring);
  expect(a).not.toBe(b);
  expect(a.startsWith("v1.k1.")).toBe(true);
  expect(a).not.toContain(ID);
  expect(Buffer.from(a.split(".")[4]!, "base64url").toString("latin1")).not.toContain(ID);
  expect(open(a, "order:1:customs-id", ring)).toBe(ID);
});

test("refused: another order's place (AAD), a changed byte, an unknown key id", () => {
  const ring = parseKeys(k1);
  const sealed = seal(ID, "order:1:customs-id", ring);
  expect(() => open(sealed, "order:2:customs-id", ring)).toThrow(SecretBoxError);
  const parts = sealed.split(".");
  const body = Buffer.from(parts[4]!, "base64url");
  body[0] = body[0]! ^ 1;
  parts[4] = body.toString("base64url");
  expect(() => open(parts.join("."), "order:1:customs-id", ring)).toThrow(SecretBoxError);
  expect(() => open(sealed, "order:1:customs-id", parseKeys(k2))).toThrow(SecretBoxError);
});

test("rotation: a new key in front seals new values; values sealed with the old key still open", () => {
  const old = seal(ID, "x", parseKeys(k1));
  const ring = parseKeys(`${k2},${k1}`);
  expect(open(old, "x", ring)).toBe(ID);
  expect(seal(ID, "x", ring).startsWith("v1.k2.")).toBe(true);
});

test("keys must be 32 bytes with an id", () => {
  expect(() => parseKeys("k1:c2hvcnQ=")).toThrow(SecretBoxError);
  expect(() => parseKeys(`:${Buffer.alloc(32).toString("base64")}`)).toThrow(SecretBoxError);
});
