import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as mailbox from "#app/routes/dev.mail._index.tsx";
import * as mailMessage from "#app/routes/dev.mail.$id.tsx";
import * as unsubscribeRoute from "#app/routes/($lang).unsubscribe.tsx";
import {
  MAX_ATTEMPTS,
  enqueueNotification,
  readUnsubscribeToken,
  retryDelayMs,
  sendDueNotifications,
  unsubscribeToken,
} from "#app/models/notifications.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { closeMailer, mailboxDir, readMailbox } from "#app/utils/mailer.server.ts";
import { notifications } from "#db/schema/index.ts";
import { setEnv } from "#tests/support/env.ts";
import { routeArgs, unwrap } from "#tests/support/loaders.ts";
import { linkIn, rawHeader, startSmtpSink, useSmtpSink, type SmtpSink } from "#tests/support/smtp.ts";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  useSmtpSink(sink);
  setEnv({ PUBLIC_URL: "https://market.example" });
});
afterAll(async () => {
  closeMailer();
  setEnv({ SMTP_URL: undefined, PUBLIC_URL: undefined });
  await sink.stop();
});
beforeEach(() => {
  getDb().delete(notifications).run();
  sink.messages.length = 0;
});

const row = (id: number) => getDb().select().from(notifications).where(eq(notifications.id, id)).get()!;
const later = (ms: number) => new Date(Date.now() + ms);

describe("the notifications outbox over real SMTP", () => {
  test("a queued email is sent once, in the recipient's language, HTML and text, with absolute canonical links", async () => {
    enqueueNotification(getDb(), {
      kind: "password_reset",
      to: "Wanjiru@Example.com",
      locale: "zh",
      payload: { token: "tok-123", minutes: 30 },
    });
    expect(await sendDueNotifications()).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toMatchObject({ text: "wanjiru@example.com" });
    expect(mail!.subject).toBe("重置您的密码");
    expect(mail!.html).toContain('lang="zh-CN"');
    expect(linkIn(mail!, "reset-password")).toBe("https://market.example/zh/reset-password?token=tok-123");
    expect(mail!.text).toContain("30 分钟内有效");
    expect(mail!.html).not.toMatch(/<img/i); // no tracking pixels, nothing fetched
    expect(rawHeader(mail!, "List-Unsubscribe")).toBeUndefined(); // transactional
    expect(mail!.messageId).toMatch(/@silkroad\.localhost>?$/);
    // Once sent, the database keeps no live link.
    expect(getDb().select().from(notifications).get()!.payload).not.toContain("tok-123");
    // Sent is sent: the next run sends nothing.
    expect(await sendDueNotifications()).toBe(0);
    expect(sink.messages).toHaveLength(1);
  });

  test("the same event twice (a replayed webhook) queues one email", () => {
    const n = {
      kind: "refund_issued" as const,
      to: "a@example.com",
      locale: "en" as const,
      payload: { orderId: 1, currency: "USD", amountCents: 500, reason: "damaged", orderPath: "/account/orders/1" },
      dedupeKey: "refund:1",
    };
    expect(enqueueNotification(getDb(), n)).toBe(true);
    expect(enqueueNotification(getDb(), n)).toBe(false);
    expect(getDb().select().from(notifications).all()).toHaveLength(1);
  });

  test("mail server down: nothing is lost; retries back off; once it is back everything arrives exactly once", async () => {
    for (const to of ["a@example.com", "b@example.com", "c@example.com"])
      enqueueNotification(getDb(), { kind: "email_changed", to, locale: "fr", payload: { newEmail: "x@example.com" } });
    await sink.stop();
    const attempts = () =>
      getDb()
        .select()
        .from(notifications)
        .all()
        .reduce((n, r) => n + r.attempts, 0);
    try {
      expect(await sendDueNotifications()).toBe(0);
      const rows = getDb().select().from(notifications).all();
      // One attempt failed and waits 30 s; the rest of the batch waited for the next run.
      expect(rows.map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
      expect(attempts()).toBe(1);
      const failed = rows.find((r) => r.attempts === 1)!;
      expect(failed.lastError).toBeTruthy();
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) - 5_000);
      expect(await sendDueNotifications(later(retryDelayMs(1) + 1_000))).toBe(0);
      expect(attempts()).toBe(2);
    } finally {
      await sink.start();
    }
    expect(await sendDueNotifications(later(retryDelayMs(2) + 2_000))).toBe(3);
    await sink.waitFor(3);
    expect(sink.messages.map((m) => m.subject)).toEqual([
      "L’adresse e-mail de votre compte change",
      "L’adresse e-mail de votre compte change",
      "L’adresse e-mail de votre compte change",
    ]);
    expect(await sendDueNotifications(later(24 * 60 * 60_000))).toBe(0);
    expect(sink.messages).toHaveLength(3);
  });

  test("after the last attempt a notification is marked failed", async () => {
    enqueueNotification(getDb(), {
      kind: "email_changed",
      to: "a@example.com",
      locale: "en",
      payload: { newEmail: "x@example.com" },
    });
    const [{ id }] = getDb().select({ id: notifications.id }).from(notifications).all() as [{ id: number }];
    getDb()
      .update(notifications)
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where(eq(notifications.id, id))
      .run();
    await sink.stop();
    try {
      await sendDueNotifications();
    } finally {
      await sink.start();
    }
    expect(row(id).status).toBe("failed");
    expect(await sendDueNotifications(later(48 * 60 * 60_000))).toBe(0);
  });

  test("a process that dies mid-send: the message was not accepted, the lease runs out, it is sent once with the same Message-ID", async () => {
    enqueueNotification(getDb(), {
      kind: "email_changed",
      to: "a@example.com",
      locale: "en",
      payload: { newEmail: "x@example.com" },
    });
    const [queued] = getDb().select().from(notifications).all();
    sink.hold();
    const inFlight = sendDueNotifications();
    while (row(queued!.id).status !== "sending") await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    // The "crash": the connection is cut before the server answered the message.
    sink.dropConnections();
    await inFlight.catch(() => undefined);
    expect(sink.messages).toHaveLength(0);
    // A restarted process finds the row claimed; nothing is sent until the lease has run out.
    getDb().update(notifications).set({ status: "sending" }).where(eq(notifications.id, queued!.id)).run();
    expect(await sendDueNotifications()).toBe(0);
    expect(await sendDueNotifications(later(3 * 60_000))).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail!.messageId).toBe(queued!.messageId);
    expect(sink.messages).toHaveLength(1);
  });
});

describe("one-click unsubscribe", () => {
  test("low-stock notices carry List-Unsubscribe headers; the one-click POST is honoured and later notices are not queued", async () => {
    const payload = {
      storeName: "Ashanti Cocoa Works",
      threshold: 5,
      products: [{ id: 1, title: "Cocoa nibs", available: 2 }],
    };
    enqueueNotification(getDb(), { kind: "low_stock", to: "owner@example.com", locale: "en", payload });
    await sendDueNotifications();
    const [mail] = await sink.waitFor(1);
    expect(rawHeader(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = /<(https:\/\/market\.example\/unsubscribe\?token=[^>]+)>/.exec(
      rawHeader(mail!, "List-Unsubscribe") ?? "",
    )![1]!;
    expect(linkIn(mail!, "/unsubscribe?token=")).toBe(link);
    const token = new URL(link).searchParams.get("token")!;
    expect(readUnsubscribeToken(token)).toEqual({ email: "owner@example.com", topic: "low_stock" });

    // GET changes nothing (mail scanners follow links).
    const page = await unwrap(
      await unsubscribeRoute.loader(
        await routeArgs(new Request(`http://localhost:3000/unsubscribe?token=${token}`), {}),
      ),
    );
    expect(page.status).toBe(200);
    expect(enqueueNotification(getDb(), { kind: "low_stock", to: "owner@example.com", locale: "en", payload })).toBe(
      true,
    );
    getDb().delete(notifications).run();

    // The mail client's one-click POST (RFC 8058 body).
    const post = new Request(`http://localhost:3000/unsubscribe?token=${token}`, {
      method: "POST",
      body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(await unwrap(await unsubscribeRoute.action(await routeArgs(post, {})))).toMatchObject({
      status: 200,
      body: { done: true },
    });
    expect(enqueueNotification(getDb(), { kind: "low_stock", to: "owner@example.com", locale: "en", payload })).toBe(
      false,
    );
    // Transactional mail still goes.
    expect(
      enqueueNotification(getDb(), {
        kind: "email_changed",
        to: "owner@example.com",
        locale: "en",
        payload: { newEmail: "x@example.com" },
      }),
    ).toBe(true);
  });

  test("a forged or altered token is refused and unsubscribes nobody", async () => {
    const token = unsubscribeToken("owner@example.com", "low_stock");
    const forged = `${Buffer.from("victim@example.com\nlow_stock").toString("base64url")}.${token.split(".")[1]}`;
    for (const bad of [forged, "nonsense", `${token}x`, ""]) {
      expect(readUnsubscribeToken(bad)).toBeNull();
      const post = new Request("http://localhost:3000/unsubscribe", {
        method: "POST",
        body: new URLSearchParams({ token: bad }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
      expect((await unwrap(await unsubscribeRoute.action(await routeArgs(post, {})))).status).toBe(400);
    }
  });
});

describe("the local mailbox (SMTP_URL unset)", () => {
  test("mail is kept under data/mail and listed at /dev/mail, newest first; sending again replaces rather than duplicates", async () => {
    setEnv({ SMTP_URL: undefined });
    closeMailer();
    try {
      fs.rmSync(mailboxDir(), { recursive: true, force: true });
      enqueueNotification(getDb(), {
        kind: "email_verification",
        to: "amina@example.com",
        locale: "fr",
        payload: { token: "t1" },
      });
      enqueueNotification(getDb(), {
        kind: "password_reset",
        to: "amina@example.com",
        locale: "en",
        payload: { token: "t2", minutes: 30 },
      });
      expect(await sendDueNotifications()).toBe(2);
      const list = await unwrap(
        await mailbox.loader(await routeArgs(new Request("http://localhost:3000/dev/mail"), {})),
      );
      const messages = (list.body as { messages: { id: number; subject: string; to: string }[] }).messages;
      expect(messages.map((m) => m.subject).sort()).toEqual(["Confirmez votre adresse e-mail", "Reset your password"]);
      const one = await unwrap(
        await mailMessage.loader(
          await routeArgs(new Request(`http://localhost:3000/dev/mail/${messages[0]!.id}`), {
            id: String(messages[0]!.id),
          }),
        ),
      );
      expect((one.body as { html: string }).html).toContain("https://market.example");
      expect(fs.readdirSync(mailboxDir()).filter((f) => f.endsWith(".eml"))).toHaveLength(2);
      // A resend of the same notification (after a crash) replaces its file.
      getDb().update(notifications).set({ status: "pending" }).run();
      await sendDueNotifications();
      expect(readMailbox()).toHaveLength(2);
    } finally {
      useSmtpSink(sink);
    }
  });

  test("/dev/mail is refused in production", async () => {
    setEnv({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      PII_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
    });
    try {
      const refused = await mailbox
        .loader(await routeArgs(new Request("http://localhost:3000/dev/mail"), {}))
        .catch((e: unknown) => e);
      expect((refused as Response).status).toBe(404);
    } finally {
      setEnv({ NODE_ENV: "test", SESSION_SECRET: undefined });
    }
  });
});
