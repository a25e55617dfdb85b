import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as home from "#app/routes/($lang)._index.tsx";
import * as festivalPage from "#app/routes/($lang).festivals.$slug.tsx";
import * as remindersRoute from "#app/routes/($lang).account.reminders.tsx";
import * as adminFestivals from "#app/routes/($lang).admin.festivals._index.tsx";
import * as unsubscribeRoute from "#app/routes/($lang).unsubscribe.tsx";
import { removeSession } from "#app/models/admin/festival-showcase.server.ts";
import { updateFestival } from "#app/models/admin/festivals.server.ts";
import { sendDueNotifications, unsubscribeToken } from "#app/models/notifications.server.ts";
import { REMINDER_LEAD_MS, queueDueReminders, setReminder } from "#app/models/reminders.server.ts";
import type { SessionUser } from "#app/models/users.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { closeMailer } from "#app/utils/mailer.server.ts";
import { setClock } from "#db/clock.ts";
import {
  auditLog,
  festivalSessions,
  festivals,
  flashSlots,
  notifications,
  reminders,
  stores,
} from "#db/schema/index.ts";
import { cookieFor, newShopper, organizer } from "#tests/support/auth.ts";
import { setEnv } from "#tests/support/env.ts";
import { createFestival } from "#tests/support/factories.ts";
import { callAs, runLoader } from "#tests/support/loaders.ts";
import { linkIn, startSmtpSink, useSmtpSink, type SmtpSink } from "#tests/support/smtp.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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
  // Every test's targets start at about the same time: one test's reminders must not fall due in another.
  getDb().delete(reminders).run();
  getDb().delete(notifications).run();
  sink.messages.length = 0;
});
afterEach(() => setClock(null));

/** A whole minute (festival times are entered to the minute in Beijing time). */
const minute = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE);

/** A published festival days away with one showcase session of an approved store. */
function festivalWithSession(startInMs = 3 * DAY) {
  const startsAt = minute(Date.now() + startInMs);
  const festival = createFestival(getDb(), { startsAt, endsAt: new Date(startsAt.getTime() + 5 * DAY) });
  const store = getDb().select().from(stores).where(eq(stores.status, "approved")).get()!;
  const sessionStart = new Date(startsAt.getTime() + DAY + 4 * HOUR);
  const [session] = getDb()
    .insert(festivalSessions)
    .values({
      festivalId: festival.id,
      storeId: store.id,
      startsAt: sessionStart,
      endsAt: new Date(sessionStart.getTime() + 2 * HOUR),
      titleEn: "Rooibos live from Clanwilliam",
      titleZh: "克兰威廉直播间：路易波士茶",
      titleFr: "Rooibos en direct de Clanwilliam",
      productIds: [],
    })
    .returning()
    .all();
  return { festival, session: session!, store };
}

const reminderOf = (userId: number, kind: "festival" | "session" | "slot", targetId: number) =>
  getDb()
    .select()
    .from(reminders)
    .where(and(eq(reminders.userId, userId), eq(reminders.kind, kind), eq(reminders.targetId, targetId)))
    .get();

const post = (cookie: string | null, form: Record<string, string>, lang = "zh") =>
  callAs(remindersRoute.action as never, cookie, `/${lang}/account/reminders`, form, { lang });

describe("remind me: setting and cancelling", () => {
  let shopper: SessionUser;
  let cookie: string;
  beforeAll(async () => {
    shopper = await newShopper({ verified: true });
    cookie = await cookieFor(shopper.id);
  });

  test("a guest is sent to sign in and back to the page; nothing is stored", async () => {
    const { session } = festivalWithSession();
    const back = `/zh/festivals/x#session-${session.id}`;
    const result = await post(null, {
      kind: "session",
      targetId: String(session.id),
      intent: "remind",
      redirectTo: back,
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/zh/login?${new URLSearchParams({ redirectTo: back })}`);
    expect(getDb().select().from(reminders).where(eq(reminders.targetId, session.id)).all()).toEqual([]);
  });

  test("with JavaScript: remind, the page shows it set, cancel, the page shows it off; asking again re-opens the one row", async () => {
    const { festival, session } = festivalWithSession();
    const slug = getDb().select().from(festivals).where(eq(festivals.id, festival.id)).get()!.slug;
    const on = await post(cookie, { kind: "session", targetId: String(session.id), intent: "remind", fetch: "1" });
    expect(on.body).toEqual({ ok: true, reminding: true });
    const row = reminderOf(shopper.id, "session", session.id)!;
    expect(row.remindAt.getTime()).toBe(session.startsAt.getTime() - REMINDER_LEAD_MS);
    expect(row.locale).toBe("zh");

    const page = await callAs(festivalPage.loader as never, cookie, `/zh/festivals/${slug}`, undefined, {
      lang: "zh",
      slug,
    });
    const data = page.body as Awaited<ReturnType<typeof festivalPage.loader>>;
    expect(data.reminders!.session).toEqual({ [session.id]: "set" });
    expect(data.sessions.find((s) => s.id === session.id)!.status).toBe("upcoming");

    const off = await post(cookie, { kind: "session", targetId: String(session.id), intent: "cancel", fetch: "1" });
    expect(off.body).toEqual({ ok: true, reminding: false });
    expect(reminderOf(shopper.id, "session", session.id)!.cancelledAt).not.toBeNull();
    const after = (
      await callAs(festivalPage.loader as never, cookie, `/zh/festivals/${slug}`, undefined, { lang: "zh", slug })
    ).body as Awaited<ReturnType<typeof festivalPage.loader>>;
    expect(after.reminders!.session).toEqual({});

    await post(cookie, { kind: "session", targetId: String(session.id), intent: "remind", fetch: "1" }, "fr");
    const rows = getDb().select().from(reminders).where(eq(reminders.targetId, session.id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cancelledAt).toBeNull();
    expect(rows[0]!.locale).toBe("fr");
  });

  test("without JavaScript the form redirects back to the session; a refusal comes back named on the page", async () => {
    const { session } = festivalWithSession();
    const back = `/zh/festivals/x#session-${session.id}`;
    const ok = await post(cookie, {
      kind: "session",
      targetId: String(session.id),
      intent: "remind",
      redirectTo: back,
    });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(back);

    setClock(new Date(session.startsAt.getTime() + MINUTE));
    const other = await newShopper();
    const late = await post(await cookieFor(other.id), {
      kind: "session",
      targetId: String(session.id),
      intent: "remind",
      redirectTo: back,
    });
    expect(late.location).toBe(`/zh/festivals/x?reminder-error=started#session-${session.id}`);
  });

  test("refused: a started session, a target that does not exist, a draft festival, a slot that does not exist, a bad form", async () => {
    const { session } = festivalWithSession();
    setClock(new Date(session.startsAt.getTime()));
    expect(setReminder(shopper, "session", session.id, true, "en")).toEqual({ ok: false, error: "started" });
    setClock(null);
    expect(setReminder(shopper, "session", 987_654, true, "en")).toEqual({ ok: false, error: "notFound" });
    const draft = createFestival(getDb(), {
      startsAt: new Date(Date.now() + DAY),
      endsAt: new Date(Date.now() + 2 * DAY),
      published: false,
    });
    expect(setReminder(shopper, "festival", draft.id, true, "en")).toEqual({ ok: false, error: "notFound" });
    expect(setReminder(shopper, "slot", 987_654, true, "en")).toEqual({ ok: false, error: "notFound" });
    const bad = await post(cookie, { kind: "webinar", targetId: "1", intent: "remind", fetch: "1" });
    expect(bad.status).toBe(400);
    const refused = await post(cookie, { kind: "session", targetId: "987654", intent: "remind", fetch: "1" });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ ok: false, message: "reminders.errorNotFound" });
  });
});

describe("the reminders job", () => {
  test("sends one email at the right time: not before, once across runs, in the shopper's language, with Beijing time and a link", async () => {
    const shopper = await newShopper({ verified: true });
    const { festival, session } = festivalWithSession();
    const slug = getDb().select().from(festivals).where(eq(festivals.id, festival.id)).get()!.slug;
    expect(setReminder(shopper, "session", session.id, true, "zh")).toEqual({ ok: true, reminding: true });
    const remindAt = session.startsAt.getTime() - REMINDER_LEAD_MS;

    // A millisecond before: nothing.
    setClock(new Date(remindAt - 1));
    expect(queueDueReminders()).toBe(0);
    expect(await sendDueNotifications()).toBe(0);
    expect(getDb().select().from(notifications).all()).toEqual([]);

    // At remindAt: queued and marked sent in one go, then the outbox delivers it.
    setClock(new Date(remindAt));
    expect(queueDueReminders()).toBe(1);
    expect(reminderOf(shopper.id, "session", session.id)!.sentAt!.getTime()).toBe(remindAt);
    expect(await sendDueNotifications()).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail!.subject).toBe("直播即将开始：克兰威廉直播间：路易波士茶");
    expect(mail!.html).toContain('lang="zh-CN"');
    // Beijing time (UTC+8), whatever the server's zone.
    const beijing = new Intl.DateTimeFormat("zh-CN", {
      timeStyle: "short",
      timeZone: "Asia/Shanghai",
    }).format(session.startsAt);
    expect(mail!.text).toContain(beijing);
    expect(mail!.text).toContain("北京时间");
    expect(linkIn(mail!, "festivals")).toBe(`https://market.example/zh/festivals/${slug}#session-${session.id}`);

    // Later runs, and the page, know it was sent: nothing more.
    setClock(new Date(remindAt + 5 * MINUTE));
    expect(queueDueReminders()).toBe(0);
    expect(await sendDueNotifications()).toBe(0);
    expect(sink.messages).toHaveLength(1);
    expect(setReminder(shopper, "session", session.id, false, "zh")).toEqual({ ok: false, error: "alreadySent" });
    expect(setReminder(shopper, "session", session.id, true, "zh")).toEqual({ ok: false, error: "alreadySent" });
  });

  test("a flash-sale slot (秒杀): set on the festival page's block, emailed 10 minutes before it opens, linking to the block", async () => {
    const shopper = await newShopper({ verified: true });
    const startsAt = minute(Date.now() + 2 * DAY);
    const festival = createFestival(getDb(), { startsAt, endsAt: new Date(startsAt.getTime() + 5 * DAY) });
    const slug = getDb().select().from(festivals).where(eq(festivals.id, festival.id)).get()!.slug;
    const slotStart = new Date(startsAt.getTime() + DAY);
    const [slot] = getDb()
      .insert(flashSlots)
      .values({ festivalId: festival.id, startsAt: slotStart, endsAt: new Date(slotStart.getTime() + 2 * HOUR) })
      .returning()
      .all();
    // The festival page offers it for the next slot, and shows it set once asked.
    const cookie = await cookieFor(shopper.id);
    const asked = await post(cookie, { kind: "slot", targetId: String(slot!.id), intent: "remind", fetch: "1" });
    expect(asked.body).toMatchObject({ ok: true, reminding: true });
    const page = (await callAs(festivalPage.loader as never, cookie, `/zh/festivals/${slug}`, undefined, {
      lang: "zh",
      slug,
    })) as { body: { reminders: { slot: Record<number, string> } } };
    expect(page.body.reminders.slot).toEqual({ [slot!.id]: "set" });

    const remindAt = slotStart.getTime() - REMINDER_LEAD_MS;
    setClock(new Date(remindAt - 1));
    expect(queueDueReminders()).toBe(0);
    setClock(new Date(remindAt));
    expect(queueDueReminders()).toBe(1);
    expect(await sendDueNotifications()).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail!.subject).toContain("秒杀");
    expect(mail!.subject).toContain(festival.nameZh);
    expect(linkIn(mail!, "festivals")).toBe(`https://market.example/zh/festivals/${slug}#flash-sale`);
    expect(reminderOf(shopper.id, "slot", slot!.id)!.sentAt).not.toBeNull();
  });

  test("English and French shoppers get their language; a festival reminder names the festival", async () => {
    const en = await newShopper();
    const fr = await newShopper();
    const { festival } = festivalWithSession();
    setReminder(en, "festival", festival.id, true, "en");
    setReminder(fr, "festival", festival.id, true, "fr");
    setClock(new Date(festival.startsAt.getTime() - REMINDER_LEAD_MS));
    expect(queueDueReminders()).toBe(2);
    expect(await sendDueNotifications()).toBe(2);
    const mails = await sink.waitFor(2);
    const name = getDb().select().from(festivals).where(eq(festivals.id, festival.id)).get()!;
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [`Starting soon: ${name.nameEn}`, `Ça commence bientôt : ${name.nameFr}`].sort(),
    );
    const french = mails.find((m) => m.subject!.startsWith("Ça"))!;
    expect(french.text).toContain("heure de Pékin");
    expect(linkIn(french, "festivals")).toBe(`https://market.example/fr/festivals/${name.slug}`);
  });

  test("a cancelled reminder is never sent", async () => {
    const shopper = await newShopper();
    const { session } = festivalWithSession();
    setReminder(shopper, "session", session.id, true, "en");
    setReminder(shopper, "session", session.id, false, "en");
    setClock(new Date(session.startsAt.getTime() - MINUTE));
    expect(queueDueReminders()).toBe(0);
    expect(await sendDueNotifications()).toBe(0);
    expect(sink.messages).toHaveLength(0);
  });

  test("a festival whose start is moved (organizer edit) moves its reminders; the old time sends nothing", async () => {
    const shopper = await newShopper();
    const { festival } = festivalWithSession();
    setReminder(shopper, "festival", festival.id, true, "en");
    const row = getDb().select().from(festivals).where(eq(festivals.id, festival.id)).get()!;
    const later = new Date(row.startsAt.getTime() + DAY);
    const result = updateFestival(organizer(), festival.id, {
      slug: row.slug,
      nameEn: row.nameEn,
      nameZh: row.nameZh,
      nameFr: row.nameFr,
      taglineEn: "",
      taglineZh: "",
      taglineFr: "",
      themeColor: row.themeColor,
      startsAt: later,
      endsAt: row.endsAt,
    });
    expect(result.ok).toBe(true);
    expect(reminderOf(shopper.id, "festival", festival.id)!.remindAt.getTime()).toBe(
      later.getTime() - REMINDER_LEAD_MS,
    );
    setClock(new Date(row.startsAt.getTime() - REMINDER_LEAD_MS));
    expect(queueDueReminders()).toBe(0);
    setClock(new Date(later.getTime() - REMINDER_LEAD_MS));
    expect(queueDueReminders()).toBe(1);
  });

  test("a target whose time changed underneath (no model call) is caught by the job: it waits for the new time", async () => {
    const shopper = await newShopper();
    const { session } = festivalWithSession();
    setReminder(shopper, "session", session.id, true, "en");
    const moved = new Date(session.startsAt.getTime() + 3 * HOUR);
    getDb()
      .update(festivalSessions)
      .set({ startsAt: moved, endsAt: new Date(moved.getTime() + HOUR) })
      .where(eq(festivalSessions.id, session.id))
      .run();
    setClock(new Date(session.startsAt.getTime() - REMINDER_LEAD_MS));
    expect(queueDueReminders()).toBe(0);
    expect(reminderOf(shopper.id, "session", session.id)!.remindAt.getTime()).toBe(moved.getTime() - REMINDER_LEAD_MS);
    setClock(new Date(moved.getTime() - REMINDER_LEAD_MS));
    expect(queueDueReminders()).toBe(1);
  });

  test("a deleted session drops its reminders; a target gone without the model is dropped by the job", async () => {
    const shopper = await newShopper();
    const a = festivalWithSession();
    const b = festivalWithSession();
    setReminder(shopper, "session", a.session.id, true, "en");
    setReminder(shopper, "session", b.session.id, true, "en");
    expect(removeSession(organizer(), a.festival.id, a.session.id)).toEqual({ ok: true });
    expect(reminderOf(shopper.id, "session", a.session.id)).toBeUndefined();
    getDb().delete(festivalSessions).where(eq(festivalSessions.id, b.session.id)).run();
    setClock(new Date(b.session.startsAt.getTime() - REMINDER_LEAD_MS));
    expect(queueDueReminders()).toBe(0);
    expect(reminderOf(shopper.id, "session", b.session.id)).toBeUndefined();
    expect(getDb().select().from(notifications).all()).toEqual([]);
  });

  test("a reminder found only after its session ended (the job was stopped) is marked missed, never sent late", async () => {
    const shopper = await newShopper();
    const { session } = festivalWithSession();
    setReminder(shopper, "session", session.id, true, "en");
    setClock(new Date(session.endsAt.getTime()));
    expect(queueDueReminders()).toBe(0);
    const row = reminderOf(shopper.id, "session", session.id)!;
    expect(row.missedAt).not.toBeNull();
    expect(row.sentAt).toBeNull();
    // Started but not ended: still worth an email (the session is on).
    const other = festivalWithSession();
    setClock(null);
    setReminder(shopper, "session", other.session.id, true, "en");
    setClock(new Date(other.session.startsAt.getTime() + 30 * MINUTE));
    expect(queueDueReminders()).toBe(1);
  });

  test("one-click unsubscribe cancels pending reminders; asking again is a fresh consent and is sent", async () => {
    const shopper = await newShopper();
    const { session, festival } = festivalWithSession();
    setReminder(shopper, "session", session.id, true, "en");
    const token = unsubscribeToken(shopper.email, "reminders");
    const page = await runLoader(unsubscribeRoute.loader, `/unsubscribe?token=${token}`);
    expect((page as unknown as { data: { topic: string } }).data.topic).toBe("reminders");
    const done = await callAs(unsubscribeRoute.action as never, null, `/unsubscribe?token=${token}`, {});
    expect(done.body).toEqual({ done: true });
    expect(reminderOf(shopper.id, "session", session.id)!.cancelledAt).not.toBeNull();

    setReminder(shopper, "festival", festival.id, true, "en");
    setClock(new Date(festival.startsAt.getTime() - REMINDER_LEAD_MS));
    expect(queueDueReminders()).toBe(1);
    expect(
      getDb()
        .select()
        .from(notifications)
        .all()
        .map((n) => n.status),
    ).toEqual(["pending"]);
  });
});

describe("the schedule, and live festivals on the home page", () => {
  test("sessions are upcoming, live now or ended by the clock, live first", async () => {
    const { festival } = festivalWithSession();
    const slug = getDb().select().from(festivals).where(eq(festivals.id, festival.id)).get()!.slug;
    const store = getDb().select().from(stores).where(eq(stores.status, "approved")).get()!;
    const base = festival.startsAt.getTime();
    for (const [title, offset] of [
      ["first", 0],
      ["second", 3 * HOUR],
      ["third", 6 * HOUR],
    ] as const)
      getDb()
        .insert(festivalSessions)
        .values({
          festivalId: festival.id,
          storeId: store.id,
          startsAt: new Date(base + offset),
          endsAt: new Date(base + offset + 2 * HOUR),
          titleEn: title,
          titleZh: title,
          titleFr: title,
          productIds: [],
        })
        .run();
    setClock(new Date(base + 3 * HOUR + MINUTE));
    const data = await runLoader(festivalPage.loader, `/festivals/${slug}`, { slug });
    expect(data.sessions.map((s) => [s.title, s.status])).toEqual([
      ["second", "live"],
      ["third", "upcoming"],
      ["Rooibos live from Clanwilliam", "upcoming"],
      ["first", "ended"],
    ]);
    expect(data.reminders).toBeNull(); // a guest
  });

  test("every live festival is on the home page, in the organizers' order, which the console changes (audited)", async () => {
    const now = Date.now();
    const a = createFestival(getDb(), { startsAt: new Date(now - DAY), endsAt: new Date(now + DAY) });
    const b = createFestival(getDb(), { startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * DAY) });
    const liveSlugs = async () =>
      (await runLoader(home.loader, "/", {})).festivals.map((f) => f.id).filter((id) => id === a.id || id === b.id);
    const all = (await runLoader(home.loader, "/", {})).festivals;
    expect(all.length).toBeGreaterThanOrEqual(3); // the seed's live festival and these two
    expect(await liveSlugs()).toEqual([a.id, b.id]); // same position: the one ending first

    const cookie = await cookieFor(organizer().id);
    const current = getDb()
      .select({ id: festivals.id })
      .from(festivals)
      .all()
      .map((f) => f.id);
    const order = [b.id, ...current.filter((id) => id !== b.id)];
    const saved = await callAs(adminFestivals.action as never, cookie, "/admin/festivals", {
      intent: "reorder",
      order: order.join(","),
    });
    expect(saved.body).toEqual({ ok: true, message: "org.orderSaved" });
    const homeAfter = (await runLoader(home.loader, "/", {})).festivals;
    expect(homeAfter[0]!.id).toBe(b.id);
    expect(await liveSlugs()).toEqual([b.id, a.id]);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "festival.reorder")).all();
    expect(audit).toHaveLength(1);
    expect((audit[0]!.after as { order: number[] }).order).toEqual(order);

    // Without JavaScript: one move at a time.
    const moved = await callAs(adminFestivals.action as never, cookie, "/admin/festivals", {
      intent: "move-to",
      festivalId: String(a.id),
      position: "1",
    });
    expect(moved.body).toEqual({ ok: true, message: "org.orderSaved" });
    expect((await runLoader(home.loader, "/", {})).festivals[0]!.id).toBe(a.id);
    // A stale list (a festival missing) is refused, not half applied.
    const stale = await callAs(adminFestivals.action as never, cookie, "/admin/festivals", {
      intent: "reorder",
      order: String(a.id),
    });
    expect(stale.status).toBe(409);
    // Shoppers cannot reorder.
    const shopper = await newShopper({ verified: true });
    const refused = await callAs(adminFestivals.action as never, await cookieFor(shopper.id), "/admin/festivals", {
      intent: "reorder",
      order: order.join(","),
    });
    expect(refused.status).toBeGreaterThanOrEqual(300);
  });
});
