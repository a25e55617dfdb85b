import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users.ts";

/**
 * A signed-in shopper's saved shipping addresses (decision 026). No customs ID number is kept here:
 * it is asked for at each mainland China checkout and stored only sealed on the order.
 */
export const addresses = sqliteTable(
  "addresses",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    isDefault: integer({ mode: "boolean" }).notNull().default(false),
    /** ISO 3166-1 alpha-2; CN = mainland China. */
    country: text().notNull(),
    name: text().notNull(),
    phone: text().notNull(),
    /** CN: GB/T 2260 codes; the names are looked up when shown. */
    provinceCode: text().notNull().default(""),
    cityCode: text().notNull().default(""),
    districtCode: text().notNull().default(""),
    address: text().notNull(),
    address2: text().notNull().default(""),
    /** International: city, region (state/province), postcode. */
    city: text().notNull().default(""),
    region: text().notNull().default(""),
    postcode: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("addresses_user_idx").on(t.userId, t.id)],
);
