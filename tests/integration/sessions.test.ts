import { verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { en } from "#app/i18n/messages/en.ts";
import { fr } from "#app/i18n/messages/fr.ts";
import { zh } from "#app/i18n/messages/zh.ts";
import { SESSION_TTL_MS, deleteExpiredSessions } from "#app/models/sessions.server.ts";
import * as account from "#app/routes/($lang).account._index.tsx";
import * as security from "#app/routes/($lang).account.security.tsx";
import * as login from "#app/routes/($lang).login.tsx";
import * as signup from "#app/routes/($lang).signup.tsx";
import * as logout from "#app/routes/logout.tsx";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { sessionStorage } from "#app/utils/session.server.ts";
import { setClock } from "#db/clock.ts";
import { accountTokens, sessions, users } from "#db/schema/index.ts";
import { SHOPPER_PASSWORD, cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { testContext } from "#tests/support/context.ts";
import {
  callAs,
  cookieFrom,
  replyErrors,
  requestAs,
  routeArgs,
  runAction,
  type RouteFn,
} from "#tests/support/loaders.ts";

beforeEach(() => resetRateLimits());
afterEach(() => setClock(null));

const db = () => getDb();
const securityLoader = security.loader as RouteFn;
const securityAction = security.action as RouteFn;

/** Signs in through the login form, as a browser with this User-Agent would; the cookie it gets. */
async function signInAs(email: string, password: string, userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0") {
  const request = new Request("http://localhost:3000/login", {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": userAgent },
  });
  const response = (await login.action(await routeArgs(request))) as Response;
  expect(response.status).toBe(302);
  return cookieFrom(response);
}

/** Who the server takes the bearer of this cookie for (null: anonymous), and the cookie it sends back. */
async function whoIs(cookie: string) {
  const context = await testContext(requestAs(cookie, "/account"));
  return { userId: context.user?.id ?? null, setCookie: context.sessionSetCookie };
}

/** What the signed cookie's payload holds (its signature is not checked here). */
function cookiePayload(cookie: string): Record<string, unknown> {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
  const data = value.slice(0, value.lastIndexOf("."));
  return JSON.parse(Buffer.from(data, "base64").toString("utf8")) as Record<string, unknown>;
}

function sessionRows(userId: number) {
  return db().select().from(sessions).where(eq(sessions.userId, userId)).all();
}

describe("the session cookie", () => {
  test("holds only a random session id, different at each sign-in, and each sign-in is a stored session", async () => {
    const user = await newShopper();
    const first = await signInAs(user.email, SHOPPER_PASSWORD);
    const second = await signInAs(user.email, SHOPPER_PASSWORD);
    expect(first).not.toBe(second);
    for (const cookie of [first, second]) {
      const payload = cookiePayload(cookie);
      expect(Object.keys(payload)).toEqual(["sid"]);
      expect(payload.sid).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(JSON.stringify(payload)).not.toContain(String(user.id));
      expect((await whoIs(cookie)).userId).toBe(user.id);
    }
    const rows = sessionRows(user.id);
    expect(rows.map((r) => r.id).sort()).toEqual([cookiePayload(first).sid, cookiePayload(second).sid].sort());
    expect(rows[0]!.device).toBe("Firefox on Linux");
  });

  test("sign-up starts a stored session too", async () => {
    const email = `sessions-signup-${process.pid}@example.com`;
    const response = (await runAction(signup.action, "/signup", { email, password: SHOPPER_PASSWORD })) as Response;
    const cookie = cookieFrom(response);
    const user = db().select().from(users).where(eq(users.email, email)).get()!;
    expect(sessionRows(user.id).map((r) => r.id)).toEqual([cookiePayload(cookie).sid]);
    expect((await whoIs(cookie)).userId).toBe(user.id);
  });

  test("a cookie from before stored sessions (it held the user id) signs nobody in and is cleared", async () => {
    const user = await newShopper();
    const old = await sessionStorage().getSession();
    (old as unknown as { set: (k: string, v: unknown) => void }).set("userId", user.id);
    const cookie = (await sessionStorage().commitSession(old)).split(";")[0]!;
    const seen = await whoIs(cookie);
    expect(seen.userId).toBeNull();
    expect(seen.setCookie).toMatch(/^__session=;.*Expires=Thu, 01 Jan 1970/i);
  });

  test("logout deletes the session: the old cookie no longer signs in, the user's other sessions still do", async () => {
    const user = await newShopper();
    const cookie = await signInAs(user.email, SHOPPER_PASSWORD);
    const other = await signInAs(user.email, SHOPPER_PASSWORD);
    const request = new Request("http://localhost:3000/logout", { method: "POST", headers: { Cookie: cookie } });
    const response = await logout.action(await routeArgs(request));
    expect(response.headers.get("Set-Cookie")).toMatch(/__session=;/);
    expect((await whoIs(cookie)).userId).toBeNull();
    expect((await callAs(account.loader as RouteFn, cookie, "/account")).location).toMatch(/^\/login\?/);
    expect((await whoIs(other)).userId).toBe(user.id);
    expect(sessionRows(user.id)).toHaveLength(1);
  });
});

describe("expiry", () => {
  test("an expired session is anonymous and its cookie is cleared", async () => {
    const user = await newShopper();
    const start = new Date("2026-11-01T00:00:00Z");
    setClock(start);
    const cookie = await cookieFor(user.id);
    setClock(new Date(start.getTime() + SESSION_TTL_MS - 1));
    expect((await whoIs(cookie)).userId).toBe(user.id);
    // Seen just before expiry, it slid 30 days ahead; leaving it alone for 30 days ends it.
    setClock(new Date(start.getTime() + 2 * SESSION_TTL_MS));
    const seen = await whoIs(cookie);
    expect(seen.userId).toBeNull();
    expect(seen.setCookie).toMatch(/^__session=;.*Expires=Thu, 01 Jan 1970/i);
    expect((await callAs(securityLoader, cookie, "/account/security")).location).toMatch(/^\/login\?/);
  });

  test("expiry slides: seen after a day, the session moves 30 days ahead and the cookie is sent again; within a day nothing is written", async () => {
    const user = await newShopper();
    const start = new Date("2026-11-01T00:00:00Z");
    setClock(start);
    const cookie = await cookieFor(user.id);
    setClock(new Date(start.getTime() + 60 * 60 * 1000));
    expect(await whoIs(cookie)).toEqual({ userId: user.id, setCookie: null });
    expect(sessionRows(user.id)[0]!.lastSeenAt).toEqual(start);
    const later = new Date(start.getTime() + 2 * 24 * 60 * 60 * 1000);
    setClock(later);
    const seen = await whoIs(cookie);
    expect(seen.userId).toBe(user.id);
    const expires = new Date(later.getTime() + SESSION_TTL_MS);
    expect(seen.setCookie).toContain(`Expires=${expires.toUTCString()}`);
    expect(sessionRows(user.id)[0]).toMatchObject({ lastSeenAt: later, expiresAt: expires });
    // Past the first 30 days, still signed in because it was seen.
    setClock(new Date(start.getTime() + SESSION_TTL_MS + 1000));
    expect((await whoIs(cookie)).userId).toBe(user.id);
  });
});

test("the purge job deletes expired sessions only", async () => {
  const user = await newShopper();
  const start = new Date("2026-11-01T00:00:00Z");
  setClock(start);
  const old = await cookieFor(user.id);
  setClock(new Date(start.getTime() + SESSION_TTL_MS - 1000));
  const recent = await cookieFor(user.id);
  setClock(new Date(start.getTime() + SESSION_TTL_MS));
  expect(deleteExpiredSessions()).toBeGreaterThanOrEqual(1);
  expect(sessionRows(user.id).map((r) => r.id)).toEqual([cookiePayload(recent).sid]);
  expect(cookiePayload(old).sid).not.toBe(cookiePayload(recent).sid);
});

describe("/account/security", () => {
  test("lists the user's sessions with their device, this one marked, and no one else's", async () => {
    const user = await newShopper();
    const here = await signInAs(user.email, SHOPPER_PASSWORD);
    await signInAs(user.email, SHOPPER_PASSWORD, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1");
    await cookieFor((await newShopper()).id);
    const page = await callAs(securityLoader, here, "/account/security");
    expect(page.status).toBe(200);
    const body = page.body as { sessions: { id: string; device: string; current: boolean }[] };
    expect(body.sessions.map((s) => [s.device, s.current])).toEqual([
      ["Firefox on Linux", true],
      ["Safari on iOS", false],
    ]);
    expect(body.sessions[0]!.id).toBe(cookiePayload(here).sid);
  });

  test("signing out another session makes its cookie anonymous; this one stays", async () => {
    const user = await newShopper();
    const here = await signInAs(user.email, SHOPPER_PASSWORD);
    const phone = await signInAs(user.email, SHOPPER_PASSWORD);
    const result = await callAs(securityAction, here, "/zh/account/security", {
      intent: "revoke",
      sessionId: String(cookiePayload(phone).sid),
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/zh/account/security?done=revoked");
    expect((await whoIs(phone)).userId).toBeNull();
    expect((await whoIs(here)).userId).toBe(user.id);
  });

  test("another user's session id cannot be signed out (404, it still signs its owner in)", async () => {
    const attacker = await newShopper();
    const victim = await newShopper();
    const here = await cookieFor(attacker.id);
    const victimCookie = await signInAs(victim.email, SHOPPER_PASSWORD);
    for (const sessionId of [String(cookiePayload(victimCookie).sid), "no-such-session", ""]) {
      const result = await callAs(securityAction, here, "/account/security", { intent: "revoke", sessionId });
      expect(result.status, sessionId).toBe(404);
      expect((result.body as { error: string }).error).toBe("security.notFound");
    }
    expect((await whoIs(victimCookie)).userId).toBe(victim.id);
    expect(sessionRows(victim.id)).toHaveLength(1);
  });

  test("sign out everywhere else: every other session of the user ends, this one and other users' stay", async () => {
    const user = await newShopper();
    const bystander = await newShopper();
    const here = await cookieFor(user.id);
    const others = [await cookieFor(user.id), await signInAs(user.email, SHOPPER_PASSWORD)];
    const theirs = await cookieFor(bystander.id);
    const result = await callAs(securityAction, here, "/account/security", { intent: "revokeOthers" });
    expect(result.location).toBe("/account/security?done=revokedAll");
    for (const cookie of others) expect((await whoIs(cookie)).userId).toBeNull();
    expect((await whoIs(here)).userId).toBe(user.id);
    expect((await whoIs(theirs)).userId).toBe(bystander.id);
  });
});

describe("password change", () => {
  test("a wrong current password is a translated 400 and changes nothing", async () => {
    const user = await newShopper();
    const here = await cookieFor(user.id);
    const other = await cookieFor(user.id);
    const before = db().select().from(users).where(eq(users.id, user.id)).get()!.passwordHash;
    const result = await callAs(securityAction, here, "/fr/account/security", {
      intent: "password",
      currentPassword: "not-my-password-1",
      newPassword: "kilimanjaro-dawn-77",
    });
    expect(result.status).toBe(400);
    expect(replyErrors(result.body)).toEqual({ currentPassword: "security.wrongPassword" });
    expect(new Set([en, zh, fr].map((m) => m["security.wrongPassword"])).size).toBe(3);
    expect(db().select().from(users).where(eq(users.id, user.id)).get()!.passwordHash).toBe(before);
    expect((await whoIs(other)).userId).toBe(user.id);
    expect((await whoIs(here)).userId).toBe(user.id);
  });

  test("the new password follows the sign-up rules", async () => {
    const user = await newShopper();
    const here = await cookieFor(user.id);
    for (const [newPassword, error] of [
      ["short", "auth.passwordTooShort"],
      ["password123", "auth.passwordCommon"],
      [user.email, "auth.passwordSameAsEmail"],
    ]) {
      const result = await callAs(securityAction, here, "/account/security", {
        intent: "password",
        currentPassword: SHOPPER_PASSWORD,
        newPassword: newPassword!,
      });
      expect(result.status, newPassword).toBe(400);
      expect(replyErrors(result.body), newPassword).toEqual({ newPassword: error });
    }
    expect(
      await verify(db().select().from(users).where(eq(users.id, user.id)).get()!.passwordHash, SHOPPER_PASSWORD),
    ).toBe(true);
  });

  test("with the right password: other sessions end, this browser gets a new session, the old password stops working", async () => {
    const user = await newShopper();
    const here = await signInAs(user.email, SHOPPER_PASSWORD);
    const other = await signInAs(user.email, SHOPPER_PASSWORD);
    const result = await callAs(securityAction, here, "/account/security", {
      intent: "password",
      currentPassword: SHOPPER_PASSWORD,
      newPassword: "kilimanjaro-dawn-77",
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/account/security?done=passwordChanged");
    const rotated = result.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(rotated).not.toBe(here);
    expect((await whoIs(rotated)).userId).toBe(user.id);
    expect((await whoIs(here)).userId).toBeNull();
    expect((await whoIs(other)).userId).toBeNull();
    expect(sessionRows(user.id).map((r) => r.id)).toEqual([cookiePayload(rotated).sid]);
    const old = await login.action(
      await routeArgs(requestAs(null, "/login", { email: user.email, password: SHOPPER_PASSWORD })),
    );
    expect((old as { init: ResponseInit }).init.status).toBe(400);
    await signInAs(user.email, "kilimanjaro-dawn-77");
  });
});

describe("authorization matrix over /account/security", () => {
  test("anonymous visitors are sent to sign in and nothing changes; every kind of signed-in user reaches the page", async () => {
    const shopper = await newShopper();
    const victimCookie = await cookieFor(shopper.id);
    const victimSid = String(cookiePayload(victimCookie).sid);
    const requests: [string, RouteFn, Record<string, string>?][] = [
      ["page", securityLoader],
      ["revoke", securityAction, { intent: "revoke", sessionId: victimSid }],
      ["revoke others", securityAction, { intent: "revokeOthers" }],
      [
        "password",
        securityAction,
        { intent: "password", currentPassword: SHOPPER_PASSWORD, newPassword: "x-kilimanjaro-99" },
      ],
      [
        "email change",
        securityAction,
        { intent: "email", newEmail: "hijacked@example.com", currentPassword: SHOPPER_PASSWORD },
      ],
    ];
    for (const [name, fn, form] of requests) {
      const result = await callAs(fn, null, "/account/security", form);
      expect(result.status, name).toBe(302);
      expect(result.location, name).toBe(`/login?${new URLSearchParams({ redirectTo: "/account/security" })}`);
    }
    expect((await whoIs(victimCookie)).userId).toBe(shopper.id);
    expect(db().select().from(accountTokens).where(eq(accountTokens.userId, shopper.id)).all()).toEqual([]);
    expect(
      await verify(db().select().from(users).where(eq(users.id, shopper.id)).get()!.passwordHash, SHOPPER_PASSWORD),
    ).toBe(true);
    for (const visitor of [shopper, ownerOf("nyeri-hills-coffee").user, organizer()]) {
      const cookie = await cookieFor(visitor.id);
      expect((await callAs(securityLoader, cookie, "/account/security")).status, visitor.email).toBe(200);
      // Someone else's session is not theirs to end.
      if (visitor.id !== shopper.id)
        expect(
          (await callAs(securityAction, cookie, "/account/security", { intent: "revoke", sessionId: victimSid }))
            .status,
        ).toBe(404);
    }
    expect((await whoIs(victimCookie)).userId).toBe(shopper.id);
  });
});
