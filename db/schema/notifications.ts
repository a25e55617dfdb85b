import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./users.ts";

/**
 * The notifications outbox (decision 021): every email is a row written in the same transaction as
 * the event it tells of; the `mail-sender` job sends due rows with retries and backoff. `dedupeKey`
 * makes an event's email idempotent (a webhook replayed inserts nothing); `messageId` is fixed at
 * insert, so a retry after a crash carries the same Message-ID.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Which template: app/emails/index.ts. */
    kind: text().notNull(),
    toEmail: text().notNull(),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    locale: text({ enum: ["en", "zh", "fr"] }).notNull(),
    /** The template's data, JSON. */
    payload: text().notNull(),
    dedupeKey: text(),
    messageId: text().notNull(),
    /** pending → sending → sent; failed after the last attempt; skipped when the recipient unsubscribed. */
    status: text({ enum: ["pending", "sending", "sent", "failed", "skipped"] })
      .notNull()
      .default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer({ mode: "timestamp_ms" }).notNull(),
    lastError: text(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    sentAt: integer({ mode: "timestamp_ms" }),
  },
  (table) => [
    uniqueIndex("notifications_dedupe_idx").on(table.dedupeKey),
    index("notifications_due_idx").on(table.status, table.nextAttemptAt),
  ],
);

/** Addresses that asked not to receive a kind of non-transactional mail (one-click unsubscribe). */
export const emailUnsubscribes = sqliteTable(
  "email_unsubscribes",
  {
    email: text().notNull(),
    /** "low_stock" | "reminders". */
    topic: text().notNull(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (table) => [uniqueIndex("email_unsubscribes_idx").on(table.email, table.topic)],
);
