import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./users.ts";

/** What a reminder can point at. `slot` is for the flash-sale slots (秒杀) that plug in later. */
export const REMINDER_KINDS = ["festival", "session", "slot"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * "Remind me" (提醒我, decision 036): a signed-in shopper asks to be emailed shortly before a festival,
 * a showcase session or a flash-sale slot starts. The target is generic (kind + id, no foreign key):
 * the model keeps `remindAt` in step with the target's start and drops reminders whose target is
 * deleted, and the `reminders` job checks the target again before it queues the email.
 *
 * One row per shopper and target; cancelling sets `cancelledAt` (asking again clears it). The job
 * sets `sentAt` in the transaction that queues the email, so a reminder is emailed at most once.
 */
export const reminders = sqliteTable(
  "reminders",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: REMINDER_KINDS }).notNull(),
    targetId: integer().notNull(),
    /** The language of the page the shopper asked on: the email's language. */
    locale: text({ enum: ["en", "zh", "fr"] }).notNull(),
    /** The target's start minus the lead time; moved when the target's start moves. */
    remindAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** When the email was queued (the notifications outbox sends it). */
    sentAt: integer({ mode: "timestamp_ms" }),
    cancelledAt: integer({ mode: "timestamp_ms" }),
    /** When the job found the target already over (the job was stopped past its end): never sent. */
    missedAt: integer({ mode: "timestamp_ms" }),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    uniqueIndex("reminders_user_target_idx").on(t.userId, t.kind, t.targetId),
    index("reminders_target_idx").on(t.kind, t.targetId),
    index("reminders_due_idx").on(t.remindAt),
  ],
);
