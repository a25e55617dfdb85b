import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { OPTIONAL_TOPIC, renderEmail, type EmailKind, type EmailPayloads } from "#app/emails/templates.tsx";
import { localizePath, type Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";
import { getMailer, mailOrigin, type Mailer } from "#app/utils/mailer.server.ts";
import type { DB, Tx } from "#db/client.ts";
import { now as clockNow } from "#db/clock.ts";
import { emailUnsubscribes, notifications, reminders, users } from "#db/schema/index.ts";

/**
 * The notifications outbox (decision 021). `enqueueNotification` is called inside the transaction
 * of the event the email tells of, so the email exists exactly when the event does; the
 * `mail-sender` job sends what is due. A send is claimed first (status `sending` with a lease), so
 * two processes never send one row; a process that dies mid-send leaves a lease that runs out, and
 * the row is sent again with the same Message-ID.
 */

/** Attempts before a notification is given up as failed (about a day of backoff). */
export const MAX_ATTEMPTS = 10;
/** How long a claimed send may take before another run may take it over. */
export const SEND_LEASE_MS = 2 * 60_000;
const BATCH = 20;

/** Wait before attempt n+1 after n failures: 30 s, 1 min, 2 min … capped at 4 h. */
export function retryDelayMs(failures: number): number {
  return Math.min(4 * 60 * 60_000, 30_000 * 2 ** Math.max(0, failures - 1));
}

export interface NewNotification<K extends EmailKind> {
  kind: K;
  to: string;
  locale: Locale;
  payload: EmailPayloads[K];
  userId?: number | null;
  /** One email per event: a second insert with the same key (a replayed webhook) is a no-op. */
  dedupeKey?: string;
}

function mailDomain(): string {
  const from = loadEnv().MAIL_FROM;
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "silkroad.localhost";
}

/** Queues an email in the caller's transaction. Returns false when it was a duplicate or unsubscribed. */
export function enqueueNotification<K extends EmailKind>(tx: Tx | DB, n: NewNotification<K>): boolean {
  const to = n.to.trim().toLowerCase();
  const topic = OPTIONAL_TOPIC[n.kind];
  if (topic && isUnsubscribed(tx, to, topic)) return false;
  const at = clockNow();
  const inserted = tx
    .insert(notifications)
    .values({
      kind: n.kind,
      toEmail: to,
      userId: n.userId ?? null,
      locale: n.locale,
      payload: JSON.stringify(n.payload),
      dedupeKey: n.dedupeKey ?? null,
      messageId: `<${randomUUID()}@${mailDomain()}>`,
      status: "pending",
      nextAttemptAt: at,
      createdAt: at,
    })
    .onConflictDoNothing()
    .run();
  return inserted.changes === 1;
}

function isUnsubscribed(db: Pick<Tx, "select">, email: string, topic: string): boolean {
  return !!db
    .select({ email: emailUnsubscribes.email })
    .from(emailUnsubscribes)
    .where(and(eq(emailUnsubscribes.email, email), eq(emailUnsubscribes.topic, topic)))
    .get();
}

// One-click unsubscribe links are signed: a link names an address and a topic, and only we can make one.
function unsubscribeSignature(email: string, topic: string): string {
  return createHmac("sha256", loadEnv().SESSION_SECRET)
    .update(`unsubscribe\n${email}\n${topic}`)
    .digest("base64url")
    .slice(0, 32);
}

export function unsubscribeToken(email: string, topic: string): string {
  return `${Buffer.from(`${email}\n${topic}`).toString("base64url")}.${unsubscribeSignature(email, topic)}`;
}

/** The address and topic a token names, when its signature holds. */
export function readUnsubscribeToken(token: string): { email: string; topic: string } | null {
  const [body, signature] = token.split(".");
  if (!body || !signature) return null;
  const [email, topic] = Buffer.from(body, "base64url").toString("utf8").split("\n");
  if (!email || !topic || !Object.values(OPTIONAL_TOPIC).includes(topic)) return null;
  const expected = Buffer.from(unsubscribeSignature(email, topic));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { email, topic } : null;
}

/** Honours an unsubscribe: no more mail of that topic to that address (queued ones are skipped too). */
export function unsubscribe(email: string, topic: string): void {
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(emailUnsubscribes).values({ email, topic, createdAt: clockNow() }).onConflictDoNothing().run();
    const kinds = Object.entries(OPTIONAL_TOPIC)
      .filter(([, t]) => t === topic)
      .map(([kind]) => kind);
    tx.update(notifications)
      .set({ status: "skipped" })
      .where(
        and(
          eq(notifications.toEmail, email),
          inArray(notifications.kind, kinds),
          inArray(notifications.status, ["pending"]),
        ),
      )
      .run();
    // Reminders not sent yet are cancelled too (decision 036); asking for a new one is a fresh consent.
    if (topic === "reminders") {
      const user = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
      if (user)
        tx.update(reminders)
          .set({ cancelledAt: clockNow() })
          .where(and(eq(reminders.userId, user.id), isNull(reminders.sentAt), isNull(reminders.cancelledAt)))
          .run();
    }
  });
}

type Row = typeof notifications.$inferSelect;

/** Payload fields that open something (a verification or reset link): kept only until the email is sent. */
const SECRET_FIELDS: Partial<Record<EmailKind, string[]>> = {
  email_verification: ["token"],
  password_reset: ["token"],
};

/** The payload as it is kept once sent: a copy of the database must not hold live links. */
function withoutSecrets(row: Row): string {
  const fields = SECRET_FIELDS[row.kind as EmailKind];
  if (!fields) return row.payload;
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  for (const field of fields) if (field in payload) payload[field] = "[sent]";
  return JSON.stringify(payload);
}

/** Claims a due row for this run; false when another run took it first. */
function claim(row: Row, at: number): boolean {
  return (
    getDb()
      .update(notifications)
      .set({ status: "sending", attempts: row.attempts + 1, nextAttemptAt: new Date(at + SEND_LEASE_MS) })
      .where(
        and(
          eq(notifications.id, row.id),
          eq(notifications.status, row.status),
          eq(notifications.attempts, row.attempts),
        ),
      )
      .run().changes === 1
  );
}

async function deliver(row: Row, mailer: Mailer): Promise<void> {
  const origin = mailOrigin();
  const topic = OPTIONAL_TOPIC[row.kind as EmailKind];
  const unsubscribeUrl = topic
    ? `${origin}${localizePath("/unsubscribe", row.locale)}?token=${unsubscribeToken(row.toEmail, topic)}`
    : undefined;
  const email = await renderEmail(row.kind as EmailKind, JSON.parse(row.payload) as never, row.locale, {
    origin,
    unsubscribeUrl,
  });
  await mailer.send({
    id: row.id,
    kind: row.kind,
    locale: row.locale,
    from: loadEnv().MAIL_FROM,
    to: row.toEmail,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: row.messageId,
    date: row.createdAt,
    headers: {
      "Auto-Submitted": "auto-generated",
      ...(unsubscribeUrl
        ? {
            // RFC 8058: mail clients offer "unsubscribe" and POST this body to the link.
            "List-Unsubscribe": `<${unsubscribeUrl}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          }
        : {}),
    },
  });
}

/**
 * Sends the notifications that are due (pending, or claimed by a run whose lease ran out). Each is
 * marked sent after the mail server accepted it; a failure waits with backoff, and after
 * MAX_ATTEMPTS the row is marked failed. Returns how many were sent.
 */
export async function sendDueNotifications(at: Date = clockNow(), mailer: Mailer = getMailer()): Promise<number> {
  const now = at.getTime();
  const due = getDb()
    .select()
    .from(notifications)
    .where(and(inArray(notifications.status, ["pending", "sending"]), lte(notifications.nextAttemptAt, new Date(now))))
    .orderBy(asc(notifications.nextAttemptAt), asc(notifications.id))
    .limit(BATCH)
    .all();
  let sent = 0;
  for (const row of due) {
    if (!claim(row, now)) continue;
    try {
      await deliver(row, mailer);
      getDb()
        .update(notifications)
        .set({ status: "sent", sentAt: clockNow(), lastError: null, payload: withoutSecrets(row) })
        .where(eq(notifications.id, row.id))
        .run();
      sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      getDb()
        .update(notifications)
        .set({
          status: failed ? "failed" : "pending",
          nextAttemptAt: new Date(now + retryDelayMs(attempts)),
          lastError: errorMessage(error).slice(0, 500),
        })
        .where(eq(notifications.id, row.id))
        .run();
      // The address is personal data: the log names the notification, never its recipient.
      logger.warn({ notification: row.id, kind: row.kind, attempts }, `mail: ${errorMessage(error)}`);
      // The server is likely down: the rest of the batch waits for the next run.
      if (!failed) break;
    }
  }
  return sent;
}
