/**
 * Issue #14, accounts (decision 022): email verification at sign-up, password reset and email
 * change, through the real routes and a real SMTP server. Every link is taken from a delivered
 * email and followed as a browser would: GET the page it opens, then POST the form that page shows.
 */
import { shippingDetails } from "#tests/support/addresses.ts";
import { createHash, randomUUID } from "node:crypto";
import { verify } from "@node-rs/argon2";
import type { ParsedMail } from "mailparser";
import { createRemixStub } from "@remix-run/testing";
import { renderToString } from "react-dom/server";
import type { ComponentType } from "react";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import * as accountPage from "#app/routes/($lang).account._index.tsx";
import * as applyPage from "#app/routes/($lang).account.apply.tsx";
import * as verifyPage from "#app/routes/($lang).account.verify.tsx";
import * as securityPage from "#app/routes/($lang).account.security.tsx";
import * as adminStores from "#app/routes/($lang).admin.stores.tsx";
import * as forgotPage from "#app/routes/($lang).forgot-password.tsx";
import * as loginPage from "#app/routes/($lang).login.tsx";
import * as resetPage from "#app/routes/($lang).reset-password.tsx";
import * as sellLayout from "#app/routes/($lang).sell.tsx";
import * as sellProfile from "#app/routes/($lang).sell.profile.tsx";
import * as signupPage from "#app/routes/($lang).signup.tsx";
import { changeCart } from "#app/models/cart.server.ts";
import { placeOrder } from "#app/models/checkout.server.ts";
import { sendDueNotifications } from "#app/models/notifications.server.ts";
import { applyForStore } from "#app/models/owner/store-applications.server.ts";
import { createShopper, verifyLogin } from "#app/models/users.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { closeMailer } from "#app/utils/mailer.server.ts";
import {
  PASSWORD_RESET_PER_ADDRESS,
  PASSWORD_RESET_PER_EMAIL,
  VERIFICATION_EMAIL_LIMIT,
  resetRateLimits,
} from "#app/utils/rate-limit.server.ts";
import { UNVERIFIED } from "#app/utils/unverified.ts";
import { setClock } from "#db/clock.ts";
import { accountTokens, notifications, orderEvents, orders, stores, users } from "#db/schema/index.ts";
import { ORGANIZER_EMAIL } from "#db/seed/seed.ts";
import { SHOPPER_PASSWORD, cookieFor, newShopper } from "#tests/support/auth.ts";
import { testContext } from "#tests/support/context.ts";
import { setEnv } from "#tests/support/env.ts";
import { createProduct } from "#tests/support/factories.ts";
import { callAs, cookieFrom, replyErrors, requestAs, routeArgs, unwrap, type RouteFn } from "#tests/support/loaders.ts";
import { routeIdFor } from "#tests/support/routes.ts";
import { linkIn, startSmtpSink, useSmtpSink, type SmtpSink } from "#tests/support/smtp.ts";

const ORIGIN = "https://market.example";
const NEW_PASSWORD = "okavango-delta-88";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  useSmtpSink(sink);
  setEnv({ PUBLIC_URL: ORIGIN });
});
afterAll(async () => {
  closeMailer();
  setEnv({ SMTP_URL: undefined, PUBLIC_URL: undefined });
  await sink.stop();
});
beforeEach(() => {
  getDb().delete(notifications).run();
  sink.messages.length = 0;
  resetRateLimits();
});
afterEach(() => setClock(null));

const db = () => getDb();
const userRow = (id: number) => db().select().from(users).where(eq(users.id, id)).get()!;
const userByEmail = (email: string) => db().select().from(users).where(eq(users.email, email)).get();
const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.com`;
const paramsOf = (path: string): Record<string, string> => {
  const lang = /^\/(zh|fr)(\/|$)/.exec(path)?.[1];
  return lang ? { lang } : {};
};
const later = (ms: number) => new Date(Date.now() + ms);

/** Sends what is queued; the mails that reached `to` (waits for at least `count` of them). */
async function mailsTo(to: string, count = 1): Promise<ParsedMail[]> {
  await sendDueNotifications();
  const until = Date.now() + 20_000;
  for (;;) {
    const found = sink.messages.filter((m) => addressOf(m) === to);
    if (found.length >= count) return found;
    if (Date.now() > until) throw new Error(`expected ${count} mails to ${to}, got ${found.length}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const addressOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text;

/** The path and query of a link in an email, checked to open the route the test then calls. */
function pathOf(link: string, routeId: string): string {
  const url = new URL(link);
  expect(url.origin).toBe(ORIGIN);
  expect(routeIdFor(url.pathname)).toBe(`routes/${routeId}`);
  return `${url.pathname}${url.search}`;
}

type Page = { token: string; problem: string | null; email: string | null };

/** GET the page a link opens, then (if it offers one) POST its form, as a browser with `cookie`. */
async function openLink(loader: RouteFn, path: string, cookie: string | null) {
  const page = await callAs(loader, cookie, path, undefined, paramsOf(path));
  return { status: page.status, body: page.body as Page };
}
async function submit(action: RouteFn, path: string, cookie: string | null, form: Record<string, string>) {
  return callAs(action, cookie, path, form, paramsOf(path));
}

const whoIs = async (cookie: string) =>
  (await testContext(new Request("http://localhost:3000/", { headers: { Cookie: cookie } }))).user;

async function signUp(path: string, email: string) {
  const response = await signupPage.action(
    await routeArgs(requestAs(null, path, { email, password: SHOPPER_PASSWORD }), paramsOf(path)),
  );
  expect((response as Response).status).toBe(302);
  return { cookie: cookieFrom(response as Response), user: userByEmail(email)! };
}

/** A guest order (no account) placed with `email` from a browser of its own. */
function guestOrder(email: string): number {
  const token = randomUUID();
  const product = createProduct(db(), { stock: 5 });
  expect(changeCart({ token }, product.id, 1, "add").ok).toBe(true);
  const placed = placeOrder({
    owner: { token },
    userId: null,
    shipping: shippingDetails({
      email,
      name: "Wanjiru K.",
      phone: "",
      address: "12 Moi Avenue",
      city: "Nairobi",
      postcode: "",
      country: "KE",
    }),
    locale: "en",
    provider: "demo",
  });
  if (!placed.ok) throw new Error(placed.error);
  return placed.orderId;
}

async function verificationLink(email: string) {
  const [mail] = await mailsTo(email);
  return pathOf(linkIn(mail!, "/account/verify"), "($lang).account.verify");
}

describe("verification at sign-up", () => {
  test("sign-up sends the link in the page's language; GET shows a button and changes nothing; POST verifies once", async () => {
    const email = unique("amina");
    const { cookie, user } = await signUp("/zh/signup", email);
    expect(user.emailVerifiedAt).toBeNull();
    const account = (await callAs(accountPage.loader as RouteFn, cookie, "/zh/account", undefined, { lang: "zh" }))
      .body as { emailVerified: boolean };
    expect(account.emailVerified).toBe(false);

    const [mail] = await mailsTo(email);
    expect(mail!.subject).toBe("请验证您的邮箱地址");
    expect(mail!.html).toContain('lang="zh-CN"');
    expect(mail!.text).toContain("24 小时内有效");
    const link = linkIn(mail!, "/account/verify");
    expect(link).toMatch(/^https:\/\/market\.example\/zh\/account\/verify\?token=[A-Za-z0-9_-]{43}$/);
    const path = pathOf(link, "($lang).account.verify");
    const token = new URL(link).searchParams.get("token")!;

    // Only a hash is stored: the token itself is nowhere in the table.
    const stored = db().select().from(accountTokens).where(eq(accountTokens.userId, user.id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ purpose: "verify_email", email, usedAt: null });
    expect(stored[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("base64url"));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBe(24 * 60 * 60_000);

    // A mail scanner (or the user) opening the link twice changes nothing.
    for (let i = 0; i < 2; i++) {
      const page = await openLink(verifyPage.loader as RouteFn, path, null);
      expect(page).toMatchObject({ status: 200, body: { token, problem: null, email } });
    }
    expect(userRow(user.id).emailVerifiedAt).toBeNull();

    const posted = await submit(verifyPage.action as RouteFn, path, cookie, { token });
    expect(posted).toMatchObject({ status: 302, location: "/zh/account?done=verified" });
    expect(userRow(user.id).emailVerifiedAt).not.toBeNull();
    expect((await whoIs(cookie))!.emailVerified).toBe(true);

    // Reuse: refused, whether opened or posted.
    expect(await openLink(verifyPage.loader as RouteFn, path, cookie)).toMatchObject({
      status: 400,
      body: { problem: "used", token: "" },
    });
    expect(await submit(verifyPage.action as RouteFn, path, null, { token })).toMatchObject({
      status: 400,
      body: { problem: "used" },
    });
  });

  test("signed out, the link still verifies (it proves the address) and then asks to sign in", async () => {
    const email = unique("kofi");
    const { user } = await signUp("/fr/signup", email);
    const [mail] = await mailsTo(email);
    expect(mail!.subject).toBe("Confirmez votre adresse e-mail");
    const path = pathOf(linkIn(mail!, "/account/verify"), "($lang).account.verify");
    const { body } = await openLink(verifyPage.loader as RouteFn, path, null);
    const posted = await submit(verifyPage.action as RouteFn, path, null, { token: body.token });
    expect(posted).toMatchObject({ status: 302, location: "/fr/login?notice=verified" });
    expect(userRow(user.id).emailVerifiedAt).not.toBeNull();
  });

  test("token rules: expired after 24 hours, tampered or wrong-purpose tokens unknown, nothing verified", async () => {
    const email = unique("expiry");
    const { user } = await signUp("/signup", email);
    const path = await verificationLink(email);
    const token = new URL(path, ORIGIN).searchParams.get("token")!;

    // Tampered: one character changed, cut short, padded, or not a token at all.
    const flipped = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    for (const bad of [flipped, token.slice(0, 42), `${token}A`, "", "../../etc/passwd", "a".repeat(5000)]) {
      expect(
        (await openLink(verifyPage.loader as RouteFn, `/account/verify?token=${encodeURIComponent(bad)}`, null)).body
          .problem,
      ).toBe("invalid");
      expect((await submit(verifyPage.action as RouteFn, "/account/verify", null, { token: bad })).body).toEqual({
        problem: "invalid",
      });
    }

    // A minute before the day is out it still opens; a second after, it is refused.
    setClock(later(24 * 60 * 60_000 - 60_000));
    expect((await openLink(verifyPage.loader as RouteFn, path, null)).status).toBe(200);
    setClock(later(24 * 60 * 60_000 + 1_000));
    expect(await openLink(verifyPage.loader as RouteFn, path, null)).toMatchObject({
      status: 400,
      body: { problem: "expired" },
    });
    expect((await submit(verifyPage.action as RouteFn, path, null, { token })).body).toEqual({ problem: "expired" });
    expect(userRow(user.id).emailVerifiedAt).toBeNull();
    setClock(null);

    // A reset link's token is no verification token (nor the reverse).
    await submit(forgotPage.action as RouteFn, "/forgot-password", null, { email });
    const [reset] = (await mailsTo(email, 2)).filter((m) => m.subject === "Reset your password");
    const resetToken = new URL(linkIn(reset!, "/reset-password")).searchParams.get("token")!;
    expect((await submit(verifyPage.action as RouteFn, "/account/verify", null, { token: resetToken })).body).toEqual({
      problem: "invalid",
    });
    expect(userRow(user.id).emailVerifiedAt).toBeNull();
  });

  test("wrong user: signed in as B, A's link is refused and left for A, who can still use it", async () => {
    const a = unique("owner-of-link");
    await signUp("/signup", a);
    const path = await verificationLink(a);
    const token = new URL(path, ORIGIN).searchParams.get("token")!;
    const b = await newShopper({ verified: true });
    const bCookie = await cookieFor(b.id);
    expect(await openLink(verifyPage.loader as RouteFn, path, bCookie)).toMatchObject({
      status: 403,
      body: { problem: "wrongUser", token: "" },
    });
    expect(await submit(verifyPage.action as RouteFn, path, bCookie, { token })).toMatchObject({
      status: 403,
      body: { problem: "wrongUser" },
    });
    expect(userByEmail(a)!.emailVerifiedAt).toBeNull();
    expect(
      db()
        .select()
        .from(accountTokens)
        .where(eq(accountTokens.userId, userByEmail(a)!.id))
        .get()!.usedAt,
    ).toBeNull();
    expect((await submit(verifyPage.action as RouteFn, path, null, { token })).status).toBe(302);
    expect(userByEmail(a)!.emailVerifiedAt).not.toBeNull();
  });

  test("'send again' (POST, limited per account) sends a new link; the older one stops working", async () => {
    const email = unique("again");
    const { cookie } = await signUp("/signup", email);
    const first = await verificationLink(email);
    const resent = await submit(accountPage.action as RouteFn, "/account", cookie, { intent: "resendVerification" });
    expect(resent).toMatchObject({ status: 302, location: "/account?done=verificationSent" });
    const mails = await mailsTo(email, 2);
    const second = pathOf(linkIn(mails[1]!, "/account/verify"), "($lang).account.verify");
    expect(second).not.toBe(first);
    expect((await openLink(verifyPage.loader as RouteFn, first, cookie)).body.problem).toBe("expired");
    expect((await openLink(verifyPage.loader as RouteFn, second, cookie)).status).toBe(200);

    // The limit: a few links an hour, then 429 with Retry-After and nothing queued.
    for (let i = 1; i < VERIFICATION_EMAIL_LIMIT.points; i++)
      await submit(accountPage.action as RouteFn, "/account", cookie, { intent: "resendVerification" });
    const queued = db().select().from(notifications).all().length;
    const refused = await submit(accountPage.action as RouteFn, "/account", cookie, { intent: "resendVerification" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(db().select().from(notifications).all().length).toBe(queued);
  });

  test("a verified address claims the guest orders placed with it, from any browser; other orders stay as they were", async () => {
    const email = unique("guest");
    const mine = [guestOrder(email), guestOrder(` ${email.toUpperCase()} `)];
    const someoneElses = guestOrder(unique("someone-else"));
    // An order another account placed with this address is that account's, and stays so.
    const other = await newShopper({ verified: true });
    const theirs = guestOrder(email);
    db().update(orders).set({ userId: other.id }).where(eq(orders.id, theirs)).run();
    getDb().delete(notifications).run();

    // Signed up from another browser: nothing attached yet (the address is not proven).
    const { cookie, user } = await signUp("/signup", email);
    for (const id of mine) expect(db().select().from(orders).where(eq(orders.id, id)).get()!.userId).toBeNull();

    const path = await verificationLink(email);
    const { body } = await openLink(verifyPage.loader as RouteFn, path, cookie);
    expect((await submit(verifyPage.action as RouteFn, path, cookie, { token: body.token })).status).toBe(302);
    for (const id of mine) {
      expect(db().select().from(orders).where(eq(orders.id, id)).get()!.userId).toBe(user.id);
      const events = db().select().from(orderEvents).where(eq(orderEvents.orderId, id)).all();
      expect(events.at(-1)).toMatchObject({
        kind: "attached_to_account",
        actorUserId: user.id,
        detail: { via: "verified_email" },
      });
    }
    expect(db().select().from(orders).where(eq(orders.id, someoneElses)).get()!.userId).toBeNull();
    expect(db().select().from(orders).where(eq(orders.id, theirs)).get()!.userId).toBe(other.id);
  });
});

describe("owners and organizers must be verified to act", () => {
  test("an unverified owner reads the console but every write is a translated 403; verified, the same write works", async () => {
    const email = unique("new-owner");
    const { cookie: shopperCookie, user } = await signUp("/signup", email);
    // Applying to open a store is an owner's first act: refused until verified.
    const applyForm = { nameEn: "Lake Victoria Weavers", countryCode: "UG", cityEn: "Entebbe" };
    const page = await callAs(applyPage.loader as RouteFn, shopperCookie, "/account/apply");
    expect(page.body).toMatchObject({ emailVerified: false });
    const refusedApply = await applyPage
      .action(await routeArgs(requestAs(shopperCookie, "/account/apply", applyForm)))
      .catch((e: unknown) => e as Response);
    expect((refusedApply as Response).status).toBe(403);
    expect(await (refusedApply as Response).text()).toBe(UNVERIFIED);
    expect(db().select().from(stores).where(eq(stores.ownerId, user.id)).get()).toBeUndefined();

    // (An owner can also end up unverified, e.g. approved before this rule: made here through the model.)
    expect(applyForStore({ id: user.id, role: "shopper" }, { ...applyForm, nameZh: "", nameFr: "" }).ok).toBe(true);
    const cookie = await cookieFor(user.id);
    const layout = await callAs(sellLayout.loader as RouteFn, cookie, "/sell");
    expect(layout).toMatchObject({ status: 200, body: { emailVerified: false } });
    expect((await callAs(sellProfile.loader as RouteFn, cookie, "/sell/profile")).status).toBe(200);
    const profileForm = { nameEn: "Lake Victoria Weavers", countryCode: "UG", cityEn: "Jinja" };
    const refused = await sellProfile
      .action(await routeArgs(requestAs(cookie, "/fr/sell/profile", profileForm), { lang: "fr" }))
      .catch((e: unknown) => e as Response);
    expect((refused as Response).status).toBe(403);
    expect(await (refused as Response).text()).toBe(UNVERIFIED);
    expect(db().select().from(stores).where(eq(stores.ownerId, user.id)).get()!.cityEn).toBe("Entebbe");

    const path = await verificationLink(email);
    const { body } = await openLink(verifyPage.loader as RouteFn, path, cookie);
    expect((await submit(verifyPage.action as RouteFn, path, cookie, { token: body.token })).status).toBe(302);
    expect((await callAs(sellProfile.action as RouteFn, cookie, "/sell/profile", profileForm)).status).toBe(302);
    expect(db().select().from(stores).where(eq(stores.ownerId, user.id)).get()!.cityEn).toBe("Jinja");
    expect((await callAs(sellLayout.loader as RouteFn, cookie, "/sell")).body).toMatchObject({ emailVerified: true });
  });

  test("an unverified organizer may look at the console, not act; an unverified shopper still shops", async () => {
    const [organizer] = db()
      .insert(users)
      .values({ email: unique("organizer"), passwordHash: "x", role: "organizer", emailVerifiedAt: null })
      .returning()
      .all();
    const cookie = await cookieFor(organizer!.id);
    expect((await callAs(adminStores.loader as RouteFn, cookie, "/admin/stores")).status).toBe(200);
    const store = db().select().from(stores).where(eq(stores.status, "approved")).get()!;
    const storeId = String(store.id);
    const before = db().select().from(stores).where(eq(stores.id, store.id)).get();
    expect(
      (
        await callAs(adminStores.action as RouteFn, cookie, "/admin/stores", {
          intent: "suspend",
          storeId,
          reason: "x",
        })
      ).status,
    ).toBe(403);
    expect(db().select().from(stores).where(eq(stores.id, store.id)).get()).toEqual(before);

    // Shopping needs no verified address: a cart and a checkout as an unverified account.
    const shopper = await newShopper();
    const product = createProduct(db(), { stock: 3 });
    expect(changeCart({ userId: shopper.id }, product.id, 1, "add").ok).toBe(true);
    const placed = placeOrder({
      owner: { userId: shopper.id },
      userId: shopper.id,
      shipping: shippingDetails({
        email: shopper.email,
        name: "A",
        phone: "",
        address: "1 Rd",
        city: "Lagos",
        postcode: "",
        country: "NG",
      }),
      locale: "en",
      provider: "demo",
    });
    expect(placed.ok).toBe(true);
  });
});

describe("password reset", () => {
  test("the same answer whether or not the address has an account, and mail only for a known one", async () => {
    const known = await newShopper();
    const unknown = unique("nobody");
    const answers = [];
    for (const email of [unknown, known.email])
      answers.push(await submit(forgotPage.action as RouteFn, "/zh/forgot-password", null, { email }));
    expect(answers[0]).toMatchObject({ status: 302, location: "/zh/forgot-password?sent=1" });
    expect(answers[1]).toMatchObject({ status: answers[0]!.status, location: answers[0]!.location, body: null });
    expect([...answers[1]!.headers.keys()].sort()).toEqual([...answers[0]!.headers.keys()].sort());

    const [mail] = await mailsTo(known.email);
    expect(mail!.subject).toBe("重置您的密码");
    expect(mail!.text).toContain("30 分钟内有效");
    expect(sink.messages.filter((m) => addressOf(m) === unknown)).toEqual([]);
    expect(db().select().from(notifications).where(eq(notifications.toEmail, unknown)).all()).toEqual([]);
    // A malformed address is a field error (it says nothing about accounts).
    const bad = await submit(forgotPage.action as RouteFn, "/forgot-password", null, { email: "not-an-email" });
    expect(bad.status).toBe(400);
    expect(replyErrors(bad.body)).toEqual({ email: "auth.emailInvalid" });
  });

  test("the link works once: new password, every session revoked, the address verified", async () => {
    const user = await newShopper();
    const browsers = [await cookieFor(user.id, "Phone"), await cookieFor(user.id, "Laptop")];
    await submit(forgotPage.action as RouteFn, "/fr/forgot-password", null, { email: user.email.toUpperCase() });
    const [mail] = await mailsTo(user.email);
    expect(mail!.subject).toBe("Réinitialisez votre mot de passe");
    const link = linkIn(mail!, "/reset-password");
    expect(link).toMatch(/^https:\/\/market\.example\/fr\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
    const path = pathOf(link, "($lang).reset-password");
    const stored = db()
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, "reset_password")))
      .get()!;
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(30 * 60_000);
    expect(stored.tokenHash).not.toBe(new URL(link).searchParams.get("token"));

    const page = await openLink(resetPage.loader as RouteFn, path, null);
    expect(page).toMatchObject({ status: 200, body: { problem: null, email: user.email } });
    const token = page.body.token;

    // A weak password is a field error and the link stays usable.
    const weak = await submit(resetPage.action as RouteFn, path, null, { token, newPassword: "password123" });
    expect(weak.status).toBe(400);
    expect(replyErrors(weak.body)).toEqual({ newPassword: "auth.passwordCommon" });
    expect(
      (weak.body as { result: { initialValue: Record<string, unknown> } }).result.initialValue.newPassword,
    ).toBeUndefined();

    const done = await submit(resetPage.action as RouteFn, path, null, { token, newPassword: NEW_PASSWORD });
    expect(done).toMatchObject({ status: 302, location: "/fr/login?notice=passwordReset" });
    for (const cookie of browsers) expect(await whoIs(cookie)).toBeNull();
    expect(await verifyLogin(user.email, SHOPPER_PASSWORD)).toBeNull();
    expect((await verifyLogin(user.email, NEW_PASSWORD))?.id).toBe(user.id);
    expect(userRow(user.id).emailVerifiedAt).not.toBeNull();

    // Once only.
    expect(
      await submit(resetPage.action as RouteFn, path, null, { token, newPassword: "another-okapi-77" }),
    ).toMatchObject({
      status: 400,
      body: { problem: "used" },
    });
    expect((await openLink(resetPage.loader as RouteFn, path, null)).body.problem).toBe("used");
    expect((await verifyLogin(user.email, NEW_PASSWORD))?.id).toBe(user.id);
  });

  test("30 minutes: open at 29, refused at 31; a newer link replaces an older one; A's link refused while signed in as B", async () => {
    const user = await newShopper();
    await submit(forgotPage.action as RouteFn, "/forgot-password", null, { email: user.email });
    const [first] = await mailsTo(user.email);
    const path = pathOf(linkIn(first!, "/reset-password"), "($lang).reset-password");
    const token = new URL(path, ORIGIN).searchParams.get("token")!;

    setClock(later(29 * 60_000));
    expect((await openLink(resetPage.loader as RouteFn, path, null)).status).toBe(200);
    const someoneElse = await cookieFor((await newShopper()).id);
    expect(
      await submit(resetPage.action as RouteFn, path, someoneElse, { token, newPassword: NEW_PASSWORD }),
    ).toMatchObject({
      status: 403,
      body: { problem: "wrongUser" },
    });
    setClock(later(31 * 60_000));
    expect(await openLink(resetPage.loader as RouteFn, path, null)).toMatchObject({
      status: 400,
      body: { problem: "expired" },
    });
    expect(
      (await submit(resetPage.action as RouteFn, path, null, { token, newPassword: NEW_PASSWORD })).body,
    ).toMatchObject({
      problem: "expired",
    });
    expect(await verifyLogin(user.email, SHOPPER_PASSWORD)).not.toBeNull();
    setClock(null);

    // Asking twice: only the newest link works.
    await submit(forgotPage.action as RouteFn, "/forgot-password", null, { email: user.email });
    await submit(forgotPage.action as RouteFn, "/forgot-password", null, { email: user.email });
    const mails = await mailsTo(user.email, 3);
    const [older, newer] = mails.slice(1).map((m) => pathOf(linkIn(m, "/reset-password"), "($lang).reset-password"));
    expect((await openLink(resetPage.loader as RouteFn, older!, null)).body.problem).toBe("expired");
    expect((await openLink(resetPage.loader as RouteFn, newer!, null)).status).toBe(200);
  });

  test("rate-limited per email address (known or not) and per client address: 429 with Retry-After, nothing queued", async () => {
    const user = await newShopper();
    for (const email of [user.email, unique("nobody")]) {
      for (let i = 0; i < PASSWORD_RESET_PER_EMAIL.points; i++) {
        const ok = await forgotPage.action(
          await routeArgs(requestAs(null, "/forgot-password", { email }), {}, { clientIp: `198.51.100.${i + 1}` }),
        );
        expect((ok as Response).status).toBe(302);
      }
      const queued = db().select().from(notifications).all().length;
      const refused = await unwrap(
        await forgotPage.action(
          await routeArgs(requestAs(null, "/forgot-password", { email }), {}, { clientIp: "192.0.2.99" }),
        ),
      );
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(replyErrors(refused.body)).toEqual({ "": "reset.tooMany" });
      expect(db().select().from(notifications).all().length).toBe(queued);
    }
    resetRateLimits();
    for (let i = 0; i < PASSWORD_RESET_PER_ADDRESS.points; i++)
      expect(
        (await submit(forgotPage.action as RouteFn, "/forgot-password", null, { email: unique("spray") })).status,
      ).toBe(302);
    expect((await submit(forgotPage.action as RouteFn, "/forgot-password", null, { email: user.email })).status).toBe(
      429,
    );
  });
});

describe("email change", () => {
  test("the new address gets a link and the old one is told; the address changes only when the link is followed", async () => {
    const user = await newShopper({ verified: true });
    const cookie = await cookieFor(user.id);
    const next = unique("moved");
    const change = (form: Record<string, string>) =>
      submit(securityPage.action as RouteFn, "/zh/account/security", cookie, { intent: "email", ...form });

    const wrong = await change({ newEmail: next, currentPassword: "not-my-password" });
    expect(wrong.status).toBe(400);
    expect(replyErrors(wrong.body)).toEqual({ currentPassword: "security.wrongPassword" });
    const taken = await change({ newEmail: ORGANIZER_EMAIL.toUpperCase(), currentPassword: SHOPPER_PASSWORD });
    expect(replyErrors(taken.body)).toEqual({ newEmail: "security.emailTaken" });
    const same = await change({ newEmail: user.email, currentPassword: SHOPPER_PASSWORD });
    expect(replyErrors(same.body)).toEqual({ newEmail: "security.emailSame" });
    expect(db().select().from(notifications).all()).toEqual([]);

    const ok = await change({ newEmail: ` ${next.toUpperCase()} `, currentPassword: SHOPPER_PASSWORD });
    expect(ok).toMatchObject({ status: 302, location: "/zh/account/security?done=emailChangeSent" });
    expect(userRow(user.id).email).toBe(user.email);
    const page = await callAs(securityPage.loader as RouteFn, cookie, "/zh/account/security", undefined, {
      lang: "zh",
    });
    expect(page.body).toMatchObject({ email: user.email, pendingEmail: next });

    const [told] = await mailsTo(user.email);
    expect(told!.subject).toBe("您的账户邮箱正在变更");
    expect(told!.text).toContain(next);
    const [verification] = await mailsTo(next);
    expect(verification!.subject).toBe("请验证您的邮箱地址");
    // Not yet: the new address does not sign in, the old one does.
    expect(await verifyLogin(next, SHOPPER_PASSWORD)).toBeNull();

    const path = pathOf(linkIn(verification!, "/account/verify"), "($lang).account.verify");
    const opened = await openLink(verifyPage.loader as RouteFn, path, cookie);
    expect(opened.body).toMatchObject({ email: next, problem: null });
    const posted = await submit(verifyPage.action as RouteFn, path, cookie, { token: opened.body.token });
    expect(posted).toMatchObject({ status: 302, location: "/zh/account?done=emailChanged" });
    expect(userRow(user.id)).toMatchObject({ email: next });
    expect((await verifyLogin(next, SHOPPER_PASSWORD))?.id).toBe(user.id);
    expect(await verifyLogin(user.email, SHOPPER_PASSWORD)).toBeNull();
    expect((await whoIs(cookie))!.email).toBe(next);
    expect(
      (await callAs(securityPage.loader as RouteFn, cookie, "/account/security")).body as {
        pendingEmail: string | null;
      },
    ).toMatchObject({ pendingEmail: null });
  });

  test("an address taken between the request and the link is refused; a reset link sent to the old address dies with the move", async () => {
    const user = await newShopper({ verified: true });
    const cookie = await cookieFor(user.id);
    const wanted = unique("contested");
    await submit(securityPage.action as RouteFn, "/account/security", cookie, {
      intent: "email",
      newEmail: wanted,
      currentPassword: SHOPPER_PASSWORD,
    });
    const path = await verificationLink(wanted);
    const token = new URL(path, ORIGIN).searchParams.get("token")!;
    const squatter = await createShopper({ email: wanted, password: SHOPPER_PASSWORD, locale: "en" });
    expect(await submit(verifyPage.action as RouteFn, path, cookie, { token })).toMatchObject({
      status: 409,
      body: { problem: "taken" },
    });
    expect(userRow(user.id).email).toBe(user.email);
    db()
      .delete(users)
      .where(eq(users.id, (squatter as { id: number }).id))
      .run();

    // The old address asks for a reset, then the move completes: that reset link no longer works.
    await submit(forgotPage.action as RouteFn, "/forgot-password", null, { email: user.email });
    const [reset] = await mailsTo(user.email, 2).then((m) => m.filter((x) => x.subject === "Reset your password"));
    const resetPath = pathOf(linkIn(reset!, "/reset-password"), "($lang).reset-password");
    expect((await submit(verifyPage.action as RouteFn, path, cookie, { token })).status).toBe(302);
    expect(userRow(user.id).email).toBe(wanted);
    expect((await openLink(resetPage.loader as RouteFn, resetPath, null)).body.problem).toBe("expired");
    expect(await verify(userRow(user.id).passwordHash, SHOPPER_PASSWORD)).toBe(true);
  });
});

describe("language", () => {
  /** Renders a route component with what its loader returned, at `path`. */
  async function render(Component: ComponentType, loader: RouteFn, path: string, cookie: string | null = null) {
    const { body } = await callAs(loader, cookie, path, undefined, paramsOf(path));
    const Stub = createRemixStub([
      { id: "page", path: path.split("?")[0], Component, loader: () => body as object | null },
    ]);
    return renderToString(<Stub initialEntries={[path]} hydrationData={{ loaderData: { page: body } }} />);
  }

  test("the pages a link opens, the login page's way in, and the 403 for an unverified owner speak the page's language", async () => {
    const email = unique("lang");
    await signUp("/zh/signup", email);
    const verifyPath = await verificationLink(email);
    const verifyHtml = await render(verifyPage.default, verifyPage.loader as RouteFn, verifyPath);
    expect(verifyHtml).toContain("确认我的邮箱");
    expect(verifyHtml).toContain(`请确认 ${email} 是您的邮箱地址。`);
    expect(verifyHtml).toMatch(/<form method="post"[^>]*>/);
    expect(verifyHtml).toContain('name="token"');
    const used = await render(verifyPage.default, verifyPage.loader as RouteFn, "/fr/account/verify?token=nope");
    expect(used).toContain("Ce lien n’est pas valide.");
    expect(used).not.toContain('name="token"');

    await submit(forgotPage.action as RouteFn, "/fr/forgot-password", null, { email });
    const [reset] = (await mailsTo(email, 2)).filter((m) => m.subject === "Réinitialisez votre mot de passe");
    const resetHtml = await render(
      resetPage.default,
      resetPage.loader as RouteFn,
      pathOf(linkIn(reset!, "/reset-password"), "($lang).reset-password"),
    );
    expect(resetHtml).toContain("Enregistrer le nouveau mot de passe");
    expect(resetHtml).toContain('name="newPassword"');
    expect(resetHtml).toContain('name="token"');

    const login = await render(loginPage.default, loginPage.loader as RouteFn, "/zh/login?notice=passwordReset");
    expect(login).toContain('href="/zh/forgot-password"');
    expect(login).toContain("忘记密码？");
    expect(login).toContain("密码已修改，所有浏览器均已退出登录。请使用新密码登录。");

    const Stub = createRemixStub([
      { id: "sell", path: "/zh/sell/profile", Component: () => null, ErrorBoundary: GeneralErrorBoundary },
    ]);
    const forbidden = renderToString(
      <Stub
        initialEntries={["/zh/sell/profile"]}
        hydrationData={{
          errors: { sell: { status: 403, statusText: "Forbidden", internal: false, data: UNVERIFIED } },
        }}
      />,
    );
    expect(forbidden).toContain("请先验证邮箱地址");
    expect(forbidden).toContain('href="/zh/account"');
  });
});

describe("spent links are purged", () => {
  test("links used or expired over a day ago are deleted; live and recent ones stay", async () => {
    const { issueToken, deleteSpentTokens } = await import("#app/models/account-tokens.server.ts");
    const { accountTokens } = await import("#db/schema/index.ts");
    const user = await createShopper({
      email: `purge-${randomUUID()}@example.com`,
      password: "baobab-sunrise-42",
      locale: "en",
    });
    if (user === "taken") throw new Error("taken");
    const ids = () =>
      getDb().select({ id: accountTokens.id }).from(accountTokens).where(eq(accountTokens.userId, user.id)).all()
        .length;
    issueToken(getDb(), { userId: user.id, purpose: "reset_password", email: user.email });
    const before = ids();
    expect(before).toBeGreaterThan(0);
    expect(deleteSpentTokens(new Date(Date.now() + 60 * 60_000))).toBe(0);
    deleteSpentTokens(new Date(Date.now() + 3 * 24 * 60 * 60_000));
    expect(ids()).toBe(0);
  });
});
