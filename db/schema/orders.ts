import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { products, stores } from "./catalog.ts";
import { festivalDeals, festivals } from "./festivals.ts";
import { flashSlotItems } from "./flash-slots.ts";
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

/** An order's status; only app/models/order-lifecycle.server.ts changes it (decision 016). */
export const ORDER_STATUSES = [
  "pending_payment",
  "paid",
  "partially_fulfilled",
  "fulfilled",
  "cancelled",
  "expired",
  "partially_refunded",
  "refunded",
] as const;
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
    /** ISO 3166-1 alpha-2 since decision 026 (CN = mainland China); older orders hold what was typed. */
    shipCountry: text().notNull(),
    /** Structured address (decision 026): second line, region (CN province, or state), CN district. */
    shipAddress2: text().notNull().default(""),
    shipRegion: text().notNull().default(""),
    shipDistrict: text().notNull().default(""),
    /** GB/T 2260 codes of a mainland China address; null for other destinations and older orders. */
    shipRegionCodes: text(),
    /** Customs clearance for mainland China: the payer's real name and sealed resident ID number. */
    customsName: text(),
    customsIdSealed: text(),
    /** When the sealed ID number was deleted (a set time after the order was finished; decision 026). */
    customsIdPurgedAt: integer({ mode: "timestamp_ms" }),
    locale: text({ enum: ["en", "zh", "fr"] })
      .notNull()
      .default("en"),
    status: text({ enum: ORDER_STATUSES }).notNull().default("pending_payment"),
    /** Set when a payment event does not match the order (amount, currency) or arrives after cancellation. */
    flag: text(),
    /** Integer cents; the sum of the lines. */
    totalCents: integer().notNull(),
    /** Integer cents given back by refunds that went through (never more than was paid). */
    refundedCents: integer().notNull().default(0),
    /** The cart the order was placed from: its ordered lines leave that cart when the order is paid. */
    cartId: integer().references(() => carts.id, { onDelete: "set null" }),
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
    /** The flash-sale slot item whose units this line holds at the slot price (decision 035); null otherwise. */
    flashSlotItemId: integer().references(() => flashSlotItems.id, { onDelete: "set null" }),
    /** Units of this line refunded (at most `quantity`), and the cents given back for the line. */
    refundedQuantity: integer().notNull().default(0),
    refundedCents: integer().notNull().default(0),
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

export const ORDER_ACTOR_KINDS = ["shopper", "owner", "organizer", "payment", "system"] as const;
export type OrderActorKind = (typeof ORDER_ACTOR_KINDS)[number];

/**
 * An order's timeline: every status change (from → to) and the events between them (a payment that
 * failed, a line shipped, a refund), who did it and why. Written only by order-lifecycle.server.ts;
 * a trigger (migration 0009) refuses a status change that has no event written just before it.
 */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** "status" for a change of status; otherwise what happened (see OrderEventKind). */
    kind: text().notNull(),
    fromStatus: text({ enum: ORDER_STATUSES }),
    toStatus: text({ enum: ORDER_STATUSES }),
    actorKind: text({ enum: ORDER_ACTOR_KINDS }).notNull(),
    actorUserId: integer().references(() => users.id, { onDelete: "set null" }),
    /** A reason code (translated on display) or, for organizers' and owners' refunds, their words. */
    reason: text(),
    /** Small JSON detail (line ids, amounts, carrier) for the timeline. */
    detail: text({ mode: "json" }).$type<Record<string, unknown>>(),
    at: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id)],
);

export const REFUND_STATUSES = ["pending", "succeeded", "failed"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * A refund asked for by an organizer (any order) or an owner (their lines). It is an outbox row:
 * written with the request, sent to the payment provider after commit (again by a job until the
 * provider has it, under the same idempotency key), and applied to the order once, when the
 * provider says it succeeded.
 */
export const refunds = sqliteTable(
  "refunds",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    orderId: integer()
      .notNull()
      .references(() => orders.id),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    status: text({ enum: REFUND_STATUSES }).notNull().default("pending"),
    reason: text().notNull(),
    actorKind: text({ enum: ORDER_ACTOR_KINDS }).notNull(),
    actorUserId: integer().references(() => users.id, { onDelete: "set null" }),
    /** The owner's store when an owner asked (they may refund only their own lines). */
    storeId: integer().references(() => stores.id),
    provider: text({ enum: ["stripe", "demo"] }).notNull(),
    /** Stripe's refund id (re_…) once the provider has the refund. */
    providerRef: text().unique(),
    /** Attempts to hand the refund to the provider, and when to try again. */
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer({ mode: "timestamp_ms" }),
    failureReason: text(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    settledAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [index("refunds_order_idx").on(t.orderId), index("refunds_pending_idx").on(t.status, t.nextAttemptAt)],
);

/** What a refund gives back per line: units (possibly 0, for an amount-only refund), cents, restock or not. */
export const refundLines = sqliteTable(
  "refund_lines",
  {
    refundId: integer()
      .notNull()
      .references(() => refunds.id, { onDelete: "cascade" }),
    orderItemId: integer()
      .notNull()
      .references(() => orderItems.id),
    quantity: integer().notNull(),
    amountCents: integer().notNull(),
    restock: integer({ mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.refundId, t.orderItemId] })],
);
