import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
