import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { DEV_ONLY_PII_KEYS, EnvError, parseEnv } from "#app/utils/env.server.ts";
import { useTempDirs } from "#tests/support/temp.ts";

const tempDir = useTempDirs("srm-env-");
const tmp = () => path.join(tempDir(), "market.db");

test("defaults: port 3000, database under data/", () => {
  const env = parseEnv({ DATABASE_PATH: tmp() });
  expect(env.PORT).toBe(3000);
  expect(parseEnv({ SESSION_SECRET: "x".repeat(32) }).DATABASE_PATH).toBe("data/market.db");
});

test.each(["abc", "0", "70000", "3.5"])("PORT=%s is refused with one readable line", (port) => {
  const attempt = () => parseEnv({ PORT: port, DATABASE_PATH: tmp() });
  expect(attempt).toThrow(EnvError);
  try {
    attempt();
  } catch (error) {
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid environment: PORT /);
    expect(message).not.toContain("\n");
  }
});

test("production without SESSION_SECRET is refused", () => {
  expect(() => parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://m.example", DATABASE_PATH: tmp() })).toThrow(
    /SESSION_SECRET is required in production/,
  );
});

test("production without PUBLIC_URL is refused, and PUBLIC_URL must be an origin", () => {
  const secret = "production-secret-that-is-long-enough-0123456789";
  expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: secret, DATABASE_PATH: tmp() })).toThrow(
    /PUBLIC_URL is required in production/,
  );
  expect(() =>
    parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: secret,
      PUBLIC_URL: "https://m.example/shop",
      DATABASE_PATH: tmp(),
    }),
  ).toThrow(/PUBLIC_URL must be an origin/);
  expect(
    parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: secret,
      PUBLIC_URL: "https://m.example",
      PII_KEYS: PROD_KEYS,
      DATABASE_PATH: tmp(),
    }).PUBLIC_URL,
  ).toBe("https://m.example");
});

const PROD_KEYS = `k2:${Buffer.alloc(32, 7).toString("base64")},k1:${Buffer.alloc(32, 3).toString("base64")}`;

test("PII_KEYS: required in production (fail closed), never the dev-only key there; a dev-only default elsewhere", () => {
  const prod = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), PUBLIC_URL: "https://m.example" };
  expect(() => parseEnv({ ...prod, DATABASE_PATH: tmp() })).toThrow(/PII_KEYS is required in production/);
  expect(() => parseEnv({ ...prod, PII_KEYS: DEV_ONLY_PII_KEYS, DATABASE_PATH: tmp() })).toThrow(
    /PII_KEYS must not use the development key/,
  );
  expect(() => parseEnv({ ...prod, PII_KEYS: "k1:short", DATABASE_PATH: tmp() })).toThrow(
    /PII_KEYS must be comma-separated id:base64 pairs/,
  );
  expect(parseEnv({ ...prod, PII_KEYS: PROD_KEYS, DATABASE_PATH: tmp() }).PII_KEYS).toBe(PROD_KEYS);
  expect(parseEnv({ DATABASE_PATH: tmp() }).PII_KEYS).toBe(DEV_ONLY_PII_KEYS);
});

test("a short SESSION_SECRET is refused", () => {
  expect(() => parseEnv({ SESSION_SECRET: "short", DATABASE_PATH: tmp() })).toThrow(
    /SESSION_SECRET must be at least 32 characters/,
  );
});

test("outside production a session secret is generated once and kept beside the database", () => {
  const db = tmp();
  const first = parseEnv({ DATABASE_PATH: db }).SESSION_SECRET;
  const second = parseEnv({ DATABASE_PATH: db }).SESSION_SECRET;
  expect(first).toMatch(/^[0-9a-f]{64}$/);
  expect(second).toBe(first);
  expect(fs.readFileSync(path.join(path.dirname(db), "session-secret"), "utf8")).toBe(first);
});

test("empty values count as unset", () => {
  expect(parseEnv({ PORT: "", DATABASE_PATH: tmp() }).PORT).toBe(3000);
});
