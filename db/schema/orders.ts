import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { products, stores } from "./catalog.ts";
import { festivalDeals, festivals } from "./festivals.ts";
import { users } from "./users.ts";

/** A server-side cart: a signed-in shopper's (userId) or a guest's (token from the cart cookie). */
export const carts = sqliteTable("carts", {
  id: integer().primaryKey({ autoIncrement: true }),
  token: text().unique(),
  userId: integer()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: integer({ mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
  updatedAt: integer({ mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

/** Quantities only: prices are read from the catalog at every step, never kept in the cart. */
export const cartItems = sqliteTable(
  "cart_items",
  {
    cartId: integer()
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    quantity: integer().notNull(),
    addedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.productId] })],
);

export const ORDER_STATUSES = ["pending", "paid", "partly_fulfilled", "fulfilled", "cancelled", "refunded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orders = sqliteTable(
  "orders",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer().references(() => users.id),
    email: text().notNull(),
    shipName: text().notNull(),
    shipPhone: text().notNull().default(""),
    shipAddress: text().notNull(),
    shipCity: text().notNull(),
    shipPostcode: text().notNull().default(""),
    shipCountry: text().notNull(),
    locale: text({ enum: ["en", "zh", "fr"] })
      .notNull()
      .default("en"),
    status: text({ enum: ORDER_STATUSES }).notNull().default("pending"),
    /** Set when a payment event does not match the order (amount, currency) or arrives after cancellation. */
    flag: text(),
    /** Integer cents; the sum of the lines. */
    totalCents: integer().notNull(),
    currency: text().notNull().default("USD"),
    provider: text({ enum: ["stripe", "demo"] }).notNull(),
    checkoutSessionId: text(),
    /** Stock is held until then; an unpaid order is cancelled and its stock returned afterwards. */
    reservedUntil: integer({ mode: "timestamp_ms" }).notNull(),
    paidAt: integer({ mode: "timestamp_ms" }),
    cancelledAt: integer({ mode: "timestamp_ms" }),
    cancelReason: text(),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    index("orders_user_idx").on(t.userId, t.createdAt),
    index("orders_pending_idx").on(t.status, t.reservedUntil),
    uniqueIndex("orders_checkout_session_idx").on(t.checkoutSessionId),
  ],
);

/** One line per product, with what was charged frozen at checkout (the catalog may change later). */
export const orderItems = sqliteTable(
  "order_items",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: integer()
      .notNull()
      .references(() => products.id),
    storeId: integer()
      .notNull()
      .references(() => stores.id),
    title: text().notNull(),
    titleEn: text().notNull(),
    unitCents: integer().notNull(),
    regularCents: integer().notNull(),
    quantity: integer().notNull(),
    dealId: integer().references(() => festivalDeals.id, { onDelete: "set null" }),
    festivalId: integer().references(() => festivals.id, { onDelete: "set null" }),
    shippedAt: integer({ mode: "timestamp_ms" }),
    carrier: text(),
    trackingNumber: text(),
  },
  (t) => [
    index("order_items_order_idx").on(t.orderId),
    index("order_items_store_idx").on(t.storeId, t.orderId),
    index("order_items_product_idx").on(t.productId),
  ],
);

/** A payment received for an order; at most one succeeded payment per order. */
export const payments = sqliteTable(
  "payments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orderId: integer()
      .notNull()
      .references(() => orders.id),
    provider: text({ enum: ["stripe", "demo"] }).notNull(),
    providerRef: text().notNull(),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [uniqueIndex("payments_order_idx").on(t.orderId)],
);

/** Every payment event processed (Stripe webhooks and the demo provider), so a replay changes nothing. */
export const paymentEvents = sqliteTable("payment_events", {
  id: text().primaryKey(),
  type: text().notNull(),
  orderId: integer(),
  outcome: text().notNull(),
  receivedAt: integer({ mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});
