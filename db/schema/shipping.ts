import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { categories, stores } from "./catalog.ts";
import { orders, refunds } from "./orders.ts";
import { users } from "./users.ts";

/**
 * Shipping, import tax and exchange rates (issue #15, decision 025). Kept in this file so the
 * order and address tables stay as they are: what an order paid for shipping and tax lives in
 * order_shipments and order_taxes, and orders.total_cents is goods + shipping + tax.
 */

export type ShippingZoneRate = { firstCents: number; additionalCents: number; minDays: number; maxDays: number };

/** One way a store sends parcels (postal/EMS, express courier): a rate per zone it ships to. */
export const shippingProfiles = sqliteTable(
  "shipping_profiles",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    storeId: integer()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    method: text({ enum: ["postal", "express"] }).notNull(),
    /** "item": first item + each additional; "weight": first 500 g + each further 500 g. */
    pricing: text({ enum: ["item", "weight"] })
      .notNull()
      .default("item"),
    /** The store's goods at or above this many cents ship free; null: never. */
    freeOverCents: integer(),
    /** Zone → rate; a zone absent here is not shipped to. */
    rates: text({ mode: "json" }).$type<Record<string, ShippingZoneRate>>().notNull().default({}),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [uniqueIndex("shipping_profiles_store_method_idx").on(t.storeId, t.method)],
);

/** A class of goods for the import tax: its VAT and consumption-tax rates (basis points). */
export const taxClasses = sqliteTable("tax_classes", {
  id: integer().primaryKey({ autoIncrement: true }),
  code: text().notNull().unique(),
  nameEn: text().notNull(),
  nameZh: text().notNull(),
  nameFr: text().notNull(),
  vatBp: integer().notNull(),
  consumptionBp: integer().notNull().default(0),
  updatedAt: integer({ mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

/** Which tax class a product category's goods fall in (a category without a row: the general class). */
export const categoryTaxClasses = sqliteTable("category_tax_classes", {
  categoryId: integer()
    .primaryKey()
    .references(() => categories.id, { onDelete: "cascade" }),
  taxClassId: integer()
    .notNull()
    .references(() => taxClasses.id),
});

/** USD → CNY rates organizers set; the newest row is the rate in force. */
export const exchangeRates = sqliteTable(
  "exchange_rates",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    base: text().notNull().default("USD"),
    quote: text().notNull().default("CNY"),
    /** Units of `quote` per unit of `base`, × 1,000,000 (7.12 → 7120000). */
    rateMicros: integer().notNull(),
    /** When the rate was taken (shown beside CNY amounts). */
    asOf: integer({ mode: "timestamp_ms" }).notNull(),
    setBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("exchange_rates_pair_idx").on(t.base, t.quote, t.id)],
);

/** What one store's parcel of an order costs to ship, by which method, and when it should arrive. */
export const orderShipments = sqliteTable(
  "order_shipments",
  {
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    storeId: integer()
      .notNull()
      .references(() => stores.id),
    method: text({ enum: ["postal", "express"] }).notNull(),
    zone: text().notNull(),
    destination: text().notNull(),
    costCents: integer().notNull(),
    minDays: integer().notNull(),
    maxDays: integer().notNull(),
    /** Beijing calendar days (YYYY-MM-DD) of the estimated arrival window, from the time of the order. */
    arriveFrom: text().notNull(),
    arriveBy: text().notNull(),
    refundedCents: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.storeId] })],
);

/** The estimated import tax charged with an order to mainland China (one row per such order). */
export const orderTaxes = sqliteTable(
  "order_taxes",
  {
    orderId: integer()
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** Charged, in the order's currency (USD cents). */
    taxCents: integer().notNull(),
    /** As customs counts it: the dutiable price (goods + shipping) and the tax, in fen. */
    dutiableFen: integer().notNull(),
    taxFen: integer().notNull(),
    /** The USD → CNY rate used (× 1,000,000). */
    rateMicros: integer().notNull(),
    /** Whose annual allowance it counts against: the signed-in user, else the order email. */
    userId: integer(),
    email: text().notNull(),
    /** Calendar year (Beijing) the transaction counts in. */
    year: integer().notNull(),
    refundedCents: integer().notNull().default(0),
  },
  (t) => [
    index("order_taxes_user_year_idx").on(t.userId, t.year),
    index("order_taxes_email_year_idx").on(t.email, t.year),
  ],
);

/** What a refund gives back beyond lines: a store's shipping, a share of the import tax. */
export const refundCharges = sqliteTable(
  "refund_charges",
  {
    refundId: integer()
      .notNull()
      .references(() => refunds.id, { onDelete: "cascade" }),
    kind: text({ enum: ["shipping", "tax"] }).notNull(),
    /** The store whose shipping (0 for the tax). */
    storeId: integer().notNull().default(0),
    amountCents: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.refundId, t.kind, t.storeId] })],
);
