import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { DB, Tx } from "#db/client.ts";
import { now as clockNow } from "#db/clock.ts";
import { OPEN_STORE_STATUS } from "#db/rules.ts";
import {
  emailUnsubscribes,
  festivalSessions,
  festivals,
  flashSlots,
  REMINDER_KINDS,
  reminders,
  stores,
  users,
  type ReminderKind,
} from "#db/schema/index.ts";
import { enqueueNotification } from "./notifications.server.ts";
import { pick } from "./localize.ts";
import { translate } from "#app/i18n/translate.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";

/**
 * "Remind me" (提醒我, decision 036). A signed-in shopper asks for an email shortly before a festival,
 * a showcase session or (later) a flash-sale slot starts. The `reminders` job queues that email
 * through the notifications outbox at `remindAt`, and marks the reminder sent in the same
 * transaction: once, never for a cancelled reminder, never for a target that is gone.
 */

/** How long before the start the email is queued. */
export const REMINDER_LEAD_MS = 10 * 60_000;
/** The unsubscribe topic of reminder emails (decision 021). */
export const REMINDER_TOPIC = "reminders";
/** Reminders queued per job run at most; the rest wait for the next run. */
const BATCH = 200;

type Db = Tx | DB;

/** What a reminder's email names, and whether the target can still be reminded of. */
export interface ReminderTarget {
  startsAt: Date;
  endsAt: Date;
  /** Unpublished (a draft festival): not sent while so, not offered to shoppers. */
  visible: boolean;
  /** The target's name in `locale`, its festival's name, and the page it is on (a path without locale). */
  describe: (locale: Locale) => { title: string; festivalName: string; path: string };
}

/**
 * How to find each kind of target. Flash-sale slots add theirs here (`slot`); until then a slot
 * reminder has no target and cannot be set.
 */
export const REMINDER_TARGETS: Partial<Record<ReminderKind, (db: Db, id: number) => ReminderTarget | null>> = {
  festival: (db, id) => {
    const f = db.select().from(festivals).where(eq(festivals.id, id)).get();
    if (!f) return null;
    return {
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      visible: f.published,
      describe: (locale) => ({
        title: pick(f, "name", locale),
        festivalName: pick(f, "name", locale),
        path: `/festivals/${f.slug}`,
      }),
    };
  },
  // A flash-sale slot (decision 035): "秒杀 20:00" in the festival, from its Beijing start time.
  slot: (db, id) => {
    const row = db
      .select({ slot: flashSlots, festival: festivals })
      .from(flashSlots)
      .innerJoin(festivals, eq(festivals.id, flashSlots.festivalId))
      .where(eq(flashSlots.id, id))
      .get();
    if (!row) return null;
    const { slot, festival } = row;
    return {
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      visible: festival.published,
      describe: (locale) => ({
        title: translate(locale, "reminders.slotTitle", {
          festival: pick(festival, "name", locale),
          time: formatDateTime(slot.startsAt.toISOString(), locale, CHINA_TIME_ZONE),
        }),
        festivalName: pick(festival, "name", locale),
        path: `/festivals/${festival.slug}#flash-sale`,
      }),
    };
  },
  session: (db, id) => {
    const row = db
      .select({ session: festivalSessions, festival: festivals, store: stores })
      .from(festivalSessions)
      .innerJoin(festivals, eq(festivals.id, festivalSessions.festivalId))
      .innerJoin(stores, eq(stores.id, festivalSessions.storeId))
      .where(eq(festivalSessions.id, id))
      .get();
    if (!row) return null;
    const { session, festival, store } = row;
    return {
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      visible: festival.published && store.status === OPEN_STORE_STATUS,
      describe: (locale) => ({
        title: pick(session, "title", locale),
        festivalName: pick(festival, "name", locale),
        path: `/festivals/${festival.slug}#session-${session.id}`,
      }),
    };
  },
};

/** A form's `kind`, when it names a kind of reminder. */
export const parseReminderKind = (value: string): ReminderKind | null =>
  (REMINDER_KINDS as readonly string[]).includes(value) ? (value as ReminderKind) : null;

export const remindAtFor = (startsAt: Date) => new Date(startsAt.getTime() - REMINDER_LEAD_MS);

export type ReminderState = "set" | "sent";
export type SetReminderResult =
  { ok: true; reminding: boolean } | { ok: false; error: "notFound" | "started" | "alreadySent" };

/**
 * Turns a shopper's reminder on or off. On: the target must exist, be visible and not have started;
 * asking again after cancelling re-opens the same row (one per shopper and target). Off: a reminder
 * not sent yet is cancelled (cancelling twice, or one never set, changes nothing). Asking is also a
 * fresh consent: an earlier one-click unsubscribe from reminders is lifted for this address.
 */
export function setReminder(
  user: { id: number; email: string },
  kind: ReminderKind,
  targetId: number,
  on: boolean,
  locale: Locale,
): SetReminderResult {
  const at = clockNow();
  return getDb().transaction(
    (tx): SetReminderResult => {
      const existing = tx
        .select()
        .from(reminders)
        .where(and(eq(reminders.userId, user.id), eq(reminders.kind, kind), eq(reminders.targetId, targetId)))
        .get();
      if (!on) {
        if (existing?.sentAt) return { ok: false, error: "alreadySent" };
        if (existing && !existing.cancelledAt)
          tx.update(reminders).set({ cancelledAt: at }).where(eq(reminders.id, existing.id)).run();
        return { ok: true, reminding: false };
      }
      const target = REMINDER_TARGETS[kind]?.(tx, targetId);
      if (!target || !target.visible) return { ok: false, error: "notFound" };
      if (existing?.sentAt) return { ok: false, error: "alreadySent" };
      if (target.startsAt.getTime() <= at.getTime()) return { ok: false, error: "started" };
      const values = { remindAt: remindAtFor(target.startsAt), cancelledAt: null, missedAt: null, locale };
      if (existing) tx.update(reminders).set(values).where(eq(reminders.id, existing.id)).run();
      else
        tx.insert(reminders)
          .values({ userId: user.id, kind, targetId, createdAt: at, ...values })
          .run();
      tx.delete(emailUnsubscribes)
        .where(and(eq(emailUnsubscribes.email, user.email.toLowerCase()), eq(emailUnsubscribes.topic, REMINDER_TOPIC)))
        .run();
      return { ok: true, reminding: true };
    },
    { behavior: "immediate" },
  );
}

/** The shopper's reminders among these targets: "set" (waiting) or "sent"; cancelled ones are absent. */
export function reminderStates(userId: number, kind: ReminderKind, targetIds: number[]): Record<number, ReminderState> {
  if (targetIds.length === 0) return {};
  const rows = getDb()
    .select({ targetId: reminders.targetId, sentAt: reminders.sentAt, cancelledAt: reminders.cancelledAt })
    .from(reminders)
    .where(and(eq(reminders.userId, userId), eq(reminders.kind, kind), inArray(reminders.targetId, targetIds)))
    .all();
  const states: Record<number, ReminderState> = {};
  for (const r of rows) if (r.sentAt) states[r.targetId] = "sent";
  for (const r of rows) if (!r.sentAt && !r.cancelledAt) states[r.targetId] = "set";
  return states;
}

/**
 * A target's start moved (a festival's dates edited, a slot rescheduled): its unsent reminders move
 * with it, in the caller's transaction. A reminder already sent stays sent.
 */
export function moveReminders(tx: Db, kind: ReminderKind, targetId: number, startsAt: Date): void {
  tx.update(reminders)
    .set({ remindAt: remindAtFor(startsAt), missedAt: null })
    .where(and(eq(reminders.kind, kind), eq(reminders.targetId, targetId), isNull(reminders.sentAt)))
    .run();
}

/** Targets deleted: their reminders go with them, in the caller's transaction. */
export function dropReminders(tx: Db, kind: ReminderKind, targetIds: number[]): void {
  if (targetIds.length === 0) return;
  tx.delete(reminders)
    .where(and(eq(reminders.kind, kind), inArray(reminders.targetId, targetIds)))
    .run();
}

/**
 * The `reminders` job: every reminder due at `at` (not sent, not cancelled) gets its email queued in
 * the outbox, and is marked sent in the same transaction. Before that the target is looked up again:
 * gone → the reminder is dropped; moved → `remindAt` follows it (and waits if now later); over
 * already (the job was stopped past the end) → marked missed, never sent late; unpublished → waits.
 * The mark is a conditional UPDATE (`sent_at IS NULL AND cancelled_at IS NULL`): two runs in two
 * processes cannot both queue one reminder, and a cancel that commits first wins. Returns how many
 * emails were queued.
 */
export function queueDueReminders(at: Date = clockNow()): number {
  const db = getDb();
  const due = db
    .select({ id: reminders.id })
    .from(reminders)
    .where(
      and(
        lte(reminders.remindAt, at),
        isNull(reminders.sentAt),
        isNull(reminders.cancelledAt),
        isNull(reminders.missedAt),
      ),
    )
    .orderBy(asc(reminders.remindAt), asc(reminders.id))
    .limit(BATCH)
    .all();
  let queued = 0;
  for (const { id } of due) {
    const done = db.transaction(
      (tx) => {
        const row = tx
          .select({ reminder: reminders, email: users.email })
          .from(reminders)
          .innerJoin(users, eq(users.id, reminders.userId))
          .where(eq(reminders.id, id))
          .get();
        if (!row) return false;
        const { reminder } = row;
        if (reminder.sentAt || reminder.cancelledAt || reminder.missedAt) return false;
        const target = REMINDER_TARGETS[reminder.kind]?.(tx, reminder.targetId) ?? null;
        if (!target) {
          tx.delete(reminders).where(eq(reminders.id, id)).run();
          return false;
        }
        const remindAt = remindAtFor(target.startsAt);
        if (remindAt.getTime() !== reminder.remindAt.getTime()) {
          tx.update(reminders).set({ remindAt }).where(eq(reminders.id, id)).run();
          if (remindAt.getTime() > at.getTime()) return false;
        }
        if (target.endsAt.getTime() <= at.getTime()) {
          tx.update(reminders).set({ missedAt: at }).where(eq(reminders.id, id)).run();
          return false;
        }
        if (!target.visible) return false;
        const claimed = tx
          .update(reminders)
          .set({ sentAt: at })
          .where(and(eq(reminders.id, id), isNull(reminders.sentAt), isNull(reminders.cancelledAt)))
          .run();
        if (claimed.changes !== 1) return false;
        const { title, festivalName, path } = target.describe(reminder.locale);
        const sent = enqueueNotification(tx, {
          kind: "reminder",
          to: row.email,
          userId: reminder.userId,
          locale: reminder.locale,
          dedupeKey: `reminder:${reminder.id}`,
          payload: {
            kind: reminder.kind,
            title,
            festivalName,
            startsAt: target.startsAt.toISOString(),
            endsAt: target.endsAt.toISOString(),
            path,
          },
        });
        // Not queued: the address unsubscribed from reminders (one click in an earlier one).
        if (!sent) tx.update(reminders).set({ sentAt: null, cancelledAt: at }).where(eq(reminders.id, id)).run();
        return sent;
      },
      { behavior: "immediate" },
    );
    if (done) queued += 1;
  }
  return queued;
}
