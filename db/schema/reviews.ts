import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { products, stores } from "./catalog.ts";
import { orderItems } from "./orders.ts";
import { users } from "./users.ts";

export const REVIEW_STATUSES = ["visible", "hidden"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * A verified buyer's review of one shipped order line (decision 028): one per line, 1–5 stars, text
 * in any language, optional photos. The store owner may reply once; organizers hide a review with a
 * reason (audited). Only visible reviews count in the product's rating (products.rating_count/sum).
 */
export const reviews = sqliteTable(
  "reviews",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orderItemId: integer()
      .notNull()
      .references(() => orderItems.id, { onDelete: "cascade" }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    storeId: integer()
      .notNull()
      .references(() => stores.id),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: integer().notNull(),
    body: text().notNull(),
    /** The language the shopper wrote in (the page's language when they wrote it). */
    locale: text({ enum: ["en", "zh", "fr"] }).notNull(),
    /** Uploaded photo URLs (/media/…-1200.webp), in the shopper's order. */
    photos: text({ mode: "json" }).$type<string[]>().notNull().default([]),
    status: text({ enum: REVIEW_STATUSES }).notNull().default("visible"),
    hiddenReason: text(),
    hiddenAt: integer({ mode: "timestamp_ms" }),
    reply: text(),
    replyAt: integer({ mode: "timestamp_ms" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("reviews_order_item_idx").on(t.orderItemId),
    index("reviews_product_idx").on(t.productId, t.status, t.createdAt),
    index("reviews_store_idx").on(t.storeId, t.createdAt),
    index("reviews_status_idx").on(t.status, t.createdAt),
  ],
);

/** A signed-in shopper's saved products (收藏). */
export const wishlistItems = sqliteTable(
  "wishlist_items",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productId] }), index("wishlist_user_idx").on(t.userId, t.createdAt)],
);

/** Stores a signed-in shopper follows (关注店铺). */
export const storeFollows = sqliteTable(
  "store_follows",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    storeId: integer()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId] }), index("store_follows_store_idx").on(t.storeId)],
);
