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
  /** When the address was proven by a verification link; null = unverified (decision 021). */
  emailVerifiedAt: integer({ mode: "timestamp_ms" }),
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

/**
 * Single-use links sent by email (decision 021): verifying an address, resetting a password. Only a
 * SHA-256 of the token is stored; `email` is the address the link was sent to (a changed address is
 * verified at its new value).
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text({ enum: ["verify_email", "reset_password"] }).notNull(),
    tokenHash: text().notNull().unique(),
    email: text().notNull(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
    usedAt: integer({ mode: "timestamp_ms" }),
  },
  (table) => [index("account_tokens_user_idx").on(table.userId, table.purpose)],
);
