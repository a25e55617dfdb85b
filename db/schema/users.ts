import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const USER_ROLES = ["shopper", "owner", "organizer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = sqliteTable("users", {
  id: integer().primaryKey({ autoIncrement: true }),
  /** Stored lower-cased; uniqueness is therefore case-insensitive. */
  email: text().notNull().unique(),
  /** argon2id PHC string. */
  passwordHash: text().notNull(),
  role: text({ enum: USER_ROLES }).notNull().default("shopper"),
  displayName: text().notNull().default(""),
  locale: text({ enum: ["en", "zh", "fr"] })
    .notNull()
    .default("en"),
  createdAt: integer({ mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

/**
 * A signed-in browser (decision 018). The `__session` cookie carries only `id`: 128+ random bits,
 * base64url. Deleting the row signs that browser out; an expired row is as good as none.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer({ mode: "timestamp_ms" }).notNull(),
    /** "Firefox on Windows": browser and OS in a few words, from the User-Agent at sign-in. */
    device: text().notNull().default(""),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/**
 * Attempt counters for rate limits (decision 020), in rate-limiter-flexible's SQLite layout: `key`
 * is "<limit>:<who>", `points` the attempts so far, `expire` when the window ends (ms since epoch).
 * Kept in the app's database so every process shares it and a restart forgets nothing.
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: integer(),
});
