import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import * as checkoutRoute from "#app/routes/($lang).checkout._index.tsx";
import * as importRoute from "#app/routes/($lang).sell.import.tsx";
import * as profileRoute from "#app/routes/($lang).sell.profile.tsx";
import * as signup from "#app/routes/($lang).signup.tsx";
import { closeDb, getDb } from "#app/utils/db.server.ts";
import {
  CHECKOUT_LIMIT,
  IMPORT_LIMIT,
  SIGNUP_LIMIT,
  SIGN_IN_FREE_FAILURES,
  SIGN_IN_MAX_DELAY_SECONDS,
  UPLOAD_LIMIT,
  deleteExpiredRateLimits,
  hitRateLimit,
  recordFailedSignIn,
  resetRateLimits,
  signInDelaySeconds,
  signInWait,
} from "#app/utils/rate-limit.server.ts";
import { orders, rateLimits, users } from "#db/schema/index.ts";
import { ORGANIZER_EMAIL } from "#db/seed/seed.ts";
import { cookieFor, ownerOf } from "#tests/support/auth.ts";
import { replyErrors, routeArgs, runAction, unwrap } from "#tests/support/loaders.ts";

afterEach(() => resetRateLimits());

const root = path.resolve(import.meta.dirname, "../..");

describe("growing sign-in delays (pure)", () => {
  test("free failures, then doubling from 2 s, capped at 15 minutes", () => {
    expect([0, 1, SIGN_IN_FREE_FAILURES].map(signInDelaySeconds)).toEqual([0, 0, 0]);
    expect([6, 7, 8, 9].map(signInDelaySeconds)).toEqual([2, 4, 8, 16]);
    expect(signInDelaySeconds(14)).toBe(512);
    expect(signInDelaySeconds(15)).toBe(SIGN_IN_MAX_DELAY_SECONDS);
    expect(signInDelaySeconds(1_000)).toBe(SIGN_IN_MAX_DELAY_SECONDS);
  });
});

describe("counters live in the database", () => {
  test("a restart forgets nothing: the wait is still there on a new connection", async () => {
    for (let i = 0; i <= SIGN_IN_FREE_FAILURES; i++) await recordFailedSignIn("198.51.100.30", ORGANIZER_EMAIL);
    expect(await signInWait("198.51.100.30", ORGANIZER_EMAIL)).toBe(2);
    closeDb(); // what a restart does to this process's connection and limiter objects
    expect(await signInWait("198.51.100.30", ORGANIZER_EMAIL)).toBeGreaterThanOrEqual(1);
  });

  test("another process on the same database shares the counters", async () => {
    // A second Node process counts 20 checkouts for an address; this process then refuses the 21st.
    const script = `
      const { hitRateLimit, CHECKOUT_LIMIT } = await import("#app/utils/rate-limit.server.ts");
      for (let i = 0; i < CHECKOUT_LIMIT.points; i++) await hitRateLimit("checkout", "198.51.100.31", CHECKOUT_LIMIT);
    `;
    await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: root,
      env: { ...process.env },
    });
    expect(await hitRateLimit("checkout", "198.51.100.31", CHECKOUT_LIMIT)).toBeGreaterThan(0);
    expect(await hitRateLimit("checkout", "198.51.100.32", CHECKOUT_LIMIT)).toBeNull();
  });

  test("the counters table holds no email addresses", async () => {
    await recordFailedSignIn("198.51.100.33", ORGANIZER_EMAIL);
    const keys = getDb()
      .select()
      .from(rateLimits)
      .all()
      .map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).not.toContain("@example");
    expect(keys.join(" ")).not.toContain(ORGANIZER_EMAIL);
  });

  test("expired counters are purged; live ones stay", async () => {
    await hitRateLimit("checkout", "198.51.100.34", CHECKOUT_LIMIT);
    expect(deleteExpiredRateLimits()).toBe(0);
    expect(deleteExpiredRateLimits(Date.now() + CHECKOUT_LIMIT.duration * 1000 + 1)).toBe(1);
    expect(getDb().select({ n: count() }).from(rateLimits).get()!.n).toBe(0);
  });
});

describe("each limited action answers 429 with Retry-After and writes nothing", () => {
  test("sign-up per address", async () => {
    const ip = "198.51.100.40";
    for (let i = 0; i < SIGNUP_LIMIT.points; i++) await hitRateLimit("signup", ip, SIGNUP_LIMIT);
    const result = await unwrap(
      await runAction(
        signup.action,
        "/fr/signup",
        { email: "nadia@example.com", password: "baobab-sunrise-42" },
        { params: { lang: "fr" }, clientIp: ip },
      ),
    );
    expect(result.status).toBe(429);
    expect(Number(result.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(replyErrors(result.body)).toEqual({ "": "auth.tooManySignups" });
    expect(getDb().select().from(users).where(eq(users.email, "nadia@example.com")).get()).toBeUndefined();
  });

  test("checkout per address", async () => {
    const ip = "198.51.100.41";
    for (let i = 0; i < CHECKOUT_LIMIT.points; i++) await hitRateLimit("checkout", ip, CHECKOUT_LIMIT);
    const before = getDb().select({ n: count() }).from(orders).get()!.n;
    const result = await unwrap(
      await runAction(checkoutRoute.action as never, "/checkout", { email: "x@example.com" }, { clientIp: ip }),
    );
    expect(result.status).toBe(429);
    expect(Number(result.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((result.body as { formErrors: string[] }).formErrors).toEqual(["checkout.tooMany"]);
    expect(getDb().select({ n: count() }).from(orders).get()!.n).toBe(before);
  });

  test("CSV imports per owner, before the file is read; another owner is not affected", async () => {
    const { user } = ownerOf("ashanti-cocoa-works");
    for (let i = 0; i < IMPORT_LIMIT.points; i++) await hitRateLimit("import", String(user.id), IMPORT_LIMIT);
    const post = async (cookie: string) => {
      const form = new FormData();
      form.append("csv", new File(["sku\n"], "listings.csv", { type: "text/csv" }));
      const request = new Request("http://localhost:3000/zh/sell/import", {
        method: "POST",
        body: form,
        headers: { Cookie: cookie },
      });
      return unwrap(await importRoute.action(await routeArgs(request, { lang: "zh" })));
    };
    const refused = await post(await cookieFor(user.id));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ step: "error", error: { key: "import.tooOften" } });
    const other = await post(await cookieFor(ownerOf("yirga-highlands-coffee").user.id));
    expect(other.status).not.toBe(429);
  });

  test("store logo uploads share the owner's upload allowance", async () => {
    const { user } = ownerOf("ashanti-cocoa-works");
    for (let i = 0; i < UPLOAD_LIMIT.points; i++) await hitRateLimit("upload", String(user.id), UPLOAD_LIMIT);
    const form = new FormData();
    form.append("logo", new File([new Uint8Array(10)], "logo.png", { type: "image/png" }));
    const request = new Request("http://localhost:3000/sell/profile", {
      method: "POST",
      body: form,
      headers: { Cookie: await cookieFor(user.id) },
    });
    const result = await unwrap(await profileRoute.action(await routeArgs(request, {})));
    expect(result.status).toBe(429);
    expect(result.body).toMatchObject({ logoError: "image.tooOften" });
  });
});
