import { relations, sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { products, stores } from "./catalog.ts";
import { users } from "./users.ts";

/**
 * Shopping festivals: a layer over the catalog. Times are UTC instants; status (upcoming, live,
 * ended) is derived from them and the clock, never stored, so nothing has to run at the boundaries.
 */
export const festivals = sqliteTable(
  "festivals",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slug: text().notNull().unique(),
    nameEn: text().notNull(),
    nameZh: text().notNull(),
    nameFr: text().notNull(),
    taglineEn: text().notNull().default(""),
    taglineZh: text().notNull().default(""),
    taglineFr: text().notNull().default(""),
    /** Hex colour of the hero and badges. */
    themeColor: text().notNull().default("#b45309"),
    /** An uploaded banner; the hero falls back to the theme colour. */
    bannerUrl: text(),
    startsAt: integer({ mode: "timestamp_ms" }).notNull(),
    endsAt: integer({ mode: "timestamp_ms" }).notNull(),
    published: integer({ mode: "boolean" }).notNull().default(false),
    /** The organizers' order of festivals live at the same time (the home page lists them so); 0 first. */
    position: integer().notNull().default(0),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("festivals_published_window_idx").on(t.published, t.startsAt, t.endsAt)],
);

/**
 * A product's festival price: either a fixed price or a percentage off the regular price (which
 * then follows the regular price). `dealStock` caps how many units sell at the deal price.
 */
export const festivalDeals = sqliteTable(
  "festival_deals",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    festivalId: integer()
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    dealPriceCents: integer(),
    discountPercent: integer(),
    dealStock: integer(),
    /** 限购: units one shopper may buy at the deal price (across their orders); null for no limit. */
    perShopperLimit: integer(),
    soldCount: integer().notNull().default(0),
    reservedCount: integer().notNull().default(0),
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("festival_deals_festival_product_idx").on(t.festivalId, t.productId),
    index("festival_deals_product_idx").on(t.productId),
  ],
);

export const festivalStores = sqliteTable(
  "festival_stores",
  {
    festivalId: integer()
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    storeId: integer()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.festivalId, t.storeId] })],
);

/** The showcase schedule: live-stream style sessions in which a store presents some products. */
export const festivalSessions = sqliteTable(
  "festival_sessions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    festivalId: integer()
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    storeId: integer()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    startsAt: integer({ mode: "timestamp_ms" }).notNull(),
    endsAt: integer({ mode: "timestamp_ms" }).notNull(),
    titleEn: text().notNull(),
    titleZh: text().notNull(),
    titleFr: text().notNull(),
    productIds: text({ mode: "json" }).$type<number[]>().notNull().default([]),
  },
  (t) => [index("festival_sessions_festival_idx").on(t.festivalId, t.startsAt)],
);

/** Every organizer action, with what the row looked like before and after. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    actorId: integer()
      .notNull()
      .references(() => users.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: text({ mode: "json" }).$type<unknown>(),
    after: text({ mode: "json" }).$type<unknown>(),
    at: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action, t.at)],
);

export const festivalsRelations = relations(festivals, ({ many }) => ({
  deals: many(festivalDeals),
  stores: many(festivalStores),
  sessions: many(festivalSessions),
}));
export const festivalDealsRelations = relations(festivalDeals, ({ one }) => ({
  festival: one(festivals, { fields: [festivalDeals.festivalId], references: [festivals.id] }),
  product: one(products, { fields: [festivalDeals.productId], references: [products.id] }),
}));
