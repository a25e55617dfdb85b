import { verify } from "@node-rs/argon2";
import {
  routeArgs,
  cookieFrom,
  replyErrors,
  replyValues,
  runAction,
  runLoader,
  thrownResponse,
  unwrap,
} from "#tests/support/loaders.ts";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test, vi } from "vitest";
import * as account from "#app/routes/($lang).account._index.tsx";
import * as login from "#app/routes/($lang).login.tsx";
import * as signup from "#app/routes/($lang).signup.tsx";
import * as logout from "#app/routes/logout.tsx";
import { getDb } from "#app/utils/db.server.ts";
import { formErrorText } from "#app/utils/auth-forms.ts";
import {
  SIGN_IN_FREE_FAILURES,
  SIGN_IN_PER_ADDRESS,
  hitRateLimit,
  recordFailedSignIn,
  resetRateLimits,
} from "#app/utils/rate-limit.server.ts";
import { createTranslator } from "#app/i18n/translate.ts";
import { users } from "#db/schema/index.ts";
import { DEMO_PASSWORD, ORGANIZER_EMAIL } from "#db/seed/seed.ts";

beforeEach(() => resetRateLimits());

async function signIn(email: string, password: string, extra: Record<string, string> = {}, clientIp?: string) {
  return unwrap(
    await runAction(login.action, "/login", { email, password, ...extra }, { clientIp }).catch((e: unknown) => e),
  );
}

describe("sign-up", () => {
  test("creates a shopper with an argon2id hash and signs them in", async () => {
    const result = await runAction(
      signup.action,
      "/zh/signup",
      { email: " Amina@Example.com ", password: "baobab-sunrise-42" },
      { params: { lang: "zh" } },
    );
    const response = result as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/zh/account");
    const row = getDb().select().from(users).where(eq(users.email, "amina@example.com")).get()!;
    expect(row.role).toBe("shopper");
    expect(row.locale).toBe("zh");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(row.passwordHash, "baobab-sunrise-42")).toBe(true);
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const page = await runLoader(account.loader, "/zh/account", { lang: "zh" }).catch((e: unknown) => e);
    expect(page).toBeInstanceOf(Response); // no cookie → redirect
    const request = new Request("http://localhost:3000/zh/account", { headers: { Cookie: cookieFrom(response) } });
    const signedIn = await account.loader(await routeArgs(request, { lang: "zh" }));
    expect(signedIn.user).toEqual({ email: "amina@example.com", role: "shopper" });
  });

  test.each([
    [{ email: "not-an-email", password: "baobab-sunrise-42" }, { email: "auth.emailInvalid" }],
    [{ email: "kofi@example.com", password: "short" }, { password: "auth.passwordTooShort" }],
    [{ email: "kofi@example.com", password: "password123" }, { password: "auth.passwordCommon" }],
    [{ email: "kofi@example.com", password: "kofi@example.com" }, { password: "auth.passwordSameAsEmail" }],
    [{ email: ORGANIZER_EMAIL, password: "baobab-sunrise-42" }, { email: "auth.emailTaken" }],
  ])("%j is refused with field errors, keeping what was typed", async (fields, errors) => {
    const before = getDb().select().from(users).all().length;
    const { status, body } = await unwrap(await runAction(signup.action, "/signup", fields));
    expect(status).toBe(400);
    expect(replyErrors(body)).toEqual(errors);
    expect(replyValues(body).email).toBe(fields.email);
    // The password is never echoed back.
    expect(replyValues(body).password).toBeUndefined();
    expect(getDb().select().from(users).all().length).toBe(before);
  });

  test("sign-up can never create an organizer or an owner", async () => {
    await runAction(signup.action, "/signup", {
      email: "sneaky@example.com",
      password: "baobab-sunrise-42",
      role: "organizer",
    });
    expect(getDb().select().from(users).where(eq(users.email, "sneaky@example.com")).get()!.role).toBe("shopper");
  });
});

describe("login", () => {
  test("the demo organizer signs in and lands on a local page", async () => {
    const { status, headers } = await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, { redirectTo: "/fr/stores?page=2" });
    expect(status).toBe(302);
    expect(headers.get("Location")).toBe("/fr/stores?page=2");
    expect(headers.get("Set-Cookie")).toContain("__session=");
  });

  test.each(["//evil.example", "https://evil.example", "/\\evil.example"])(
    "redirectTo=%s goes to the account page instead",
    async (to) => {
      const { headers } = await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, { redirectTo: to });
      expect(headers.get("Location")).toBe("/account");
    },
  );

  test("an unknown email and a wrong password get the same answer", async () => {
    const unknown = await signIn("nobody@example.com", DEMO_PASSWORD);
    const wrong = await signIn(ORGANIZER_EMAIL, "not the password");
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    expect(replyErrors(unknown.body)).toEqual({ "": "auth.invalidCredentials" });
    expect(replyErrors(wrong.body)).toEqual({ "": "auth.invalidCredentials" });
  });

  test("a new session is issued at login (a planted cookie is not reused)", async () => {
    const planted = "__session=planted";
    const response = (await runAction(
      login.action,
      "/login",
      { email: ORGANIZER_EMAIL, password: DEMO_PASSWORD },
      { cookie: planted },
    )) as Response;
    expect(cookieFrom(response)).not.toBe(planted);
  });

  test("past the per-address allowance of failures (any accounts), that address gets 429 even with the right password", async () => {
    const ip = "198.51.100.9";
    // Failures for many accounts from one address: all but the last counted directly, the last through the form.
    for (let i = 1; i < SIGN_IN_PER_ADDRESS.points; i++) await hitRateLimit("signin-address", ip, SIGN_IN_PER_ADDRESS);
    expect((await signIn("guess@example.com", "wrong-password-1", {}, ip)).status).toBe(400);
    const blocked = await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(60);
    expect(replyErrors(blocked.body)).toEqual({ "": "auth.tooMany" });
    // Another address is not affected.
    expect((await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, "198.51.100.10")).status).toBe(302);
  });

  test("successful sign-ins do not use up an address's attempts", async () => {
    for (let i = 0; i < 15; i++)
      expect((await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, "198.51.100.77")).status).toBe(302);
  });

  test("one account from one address: five free failures, then growing delays; a success forgets them", async () => {
    const ip = "198.51.100.20";
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-30T08:00:00Z") });
    try {
      for (let i = 0; i < SIGN_IN_FREE_FAILURES; i++)
        expect((await signIn(ORGANIZER_EMAIL, "wrong-password-1", {}, ip)).status).toBe(400);
      // The sixth failure makes the next attempt wait 2 s, even with the right password.
      expect((await signIn(ORGANIZER_EMAIL, "wrong-password-1", {}, ip)).status).toBe(400);
      const held = await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, ip);
      expect(held.status).toBe(429);
      expect(held.headers.get("Retry-After")).toBe("2");
      vi.advanceTimersByTime(2_100);
      // The seventh failure: 4 s.
      expect((await signIn(ORGANIZER_EMAIL, "wrong-password-1", {}, ip)).status).toBe(400);
      expect((await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, ip)).headers.get("Retry-After")).toBe("4");
      vi.advanceTimersByTime(4_100);
      // The owner's correct password gets in, and the count starts again.
      expect((await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, ip)).status).toBe(302);
      for (let i = 0; i < SIGN_IN_FREE_FAILURES; i++)
        expect((await signIn(ORGANIZER_EMAIL, "wrong-password-1", {}, ip)).status).toBe(400);
      expect((await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, ip)).status).toBe(302);
    } finally {
      vi.useRealTimers();
    }
  });

  test("no lock-out as a weapon: failures on an account from many addresses never stop its owner signing in", async () => {
    // An attacker who knows the organizer's public address tries from 20 addresses, 8 times each.
    for (let a = 0; a < 20; a++) for (let i = 0; i < 8; i++) await recordFailedSignIn(`192.0.2.${a}`, ORGANIZER_EMAIL);
    expect((await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, "192.0.2.3")).status).toBe(429);
    // The organizer, from their own address, is not held up at all.
    expect((await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, "203.0.113.50")).status).toBe(302);
  });

  test("the wait is shown in the visitor's language, in seconds when short", async () => {
    const ip = "198.51.100.21";
    for (let i = 0; i <= SIGN_IN_FREE_FAILURES; i++) await recordFailedSignIn(ip, ORGANIZER_EMAIL);
    const held = await signIn(ORGANIZER_EMAIL, DEMO_PASSWORD, {}, ip);
    expect(held.status).toBe(429);
    const body = held.body as { wait: number };
    expect(body.wait).toBe(2);
    const t = createTranslator("zh");
    expect(formErrorText(t, "auth.tooMany", body.wait)).toBe("登录尝试次数过多，请等待2秒后再试。");
    expect(formErrorText(t, "auth.tooMany", 600)).toBe("登录尝试次数过多，请等待10分钟后再试。");
  });
});

test("logout is a POST that clears the session; GET does nothing", async () => {
  const get = await logout.loader();
  expect(get.status).toBe(302);
  expect(get.headers.get("Set-Cookie")).toBeNull();
  const request = new Request("http://localhost:3000/logout", {
    method: "POST",
    headers: { Referer: "http://localhost:3000/zh/account" },
  });
  const response = await logout.action(await routeArgs(request, {}));
  expect(response.headers.get("Location")).toBe("/zh");
  expect(response.headers.get("Set-Cookie")).toMatch(/__session=;.*Expires=Thu, 01 Jan 1970/i);
});

test("the account page sends anonymous visitors to log in, and back afterwards", async () => {
  const response = await thrownResponse(runLoader(account.loader, "/fr/account?tab=orders", { lang: "fr" }));
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe(
    `/fr/login?${new URLSearchParams({ redirectTo: "/fr/account?tab=orders" })}`,
  );
});
