import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { stores } from "./catalog.ts";
import { festivals } from "./festivals.ts";
import { orderItems, orders } from "./orders.ts";
import { users } from "./users.ts";

export const VOUCHER_SCOPES = ["store", "festival"] as const;
export type VoucherScope = (typeof VOUCHER_SCOPES)[number];
export const VOUCHER_KINDS = ["spend", "percent"] as const;
export type VoucherKind = (typeof VOUCHER_KINDS)[number];
/**
 * Who gives up the money a voucher takes off (decision 034): a store voucher's store; a festival
 * voucher's campaign (the stores are owed their lines in full) or the stores (each bears its lines' share).
 */
export const VOUCHER_FUNDERS = ["store", "campaign", "stores"] as const;
export type VoucherFunder = (typeof VOUCHER_FUNDERS)[number];

/** 满减 tiers: spend at least `minCents`, save `offCents` (the highest tier reached applies). */
export interface VoucherTier {
  minCents: number;
  offCents: number;
}

/**
 * A voucher: issued by a store's owner for their store, or by organizers for a festival (usable on
 * that festival's products in every store). Spend-and-save with tiers, or a percentage (with a cap
 * and a minimum spend). Shoppers claim it (领券) while it is not over and some are left; a claim is
 * usable once, inside the validity window.
 */
export const vouchers = sqliteTable(
  "vouchers",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    scope: text({ enum: VOUCHER_SCOPES }).notNull(),
    storeId: integer().references(() => stores.id, { onDelete: "cascade" }),
    festivalId: integer().references(() => festivals.id, { onDelete: "cascade" }),
    kind: text({ enum: VOUCHER_KINDS }).notNull(),
    /** For "spend": the tiers, lowest first. */
    tiers: text({ mode: "json" }).$type<VoucherTier[]>().notNull().default([]),
    /** For "percent": percent off (1–90), the most it takes off, and the spend it needs. */
    percentOff: integer(),
    capCents: integer(),
    minCents: integer().notNull().default(0),
    startsAt: integer({ mode: "timestamp_ms" }).notNull(),
    endsAt: integer({ mode: "timestamp_ms" }).notNull(),
    totalQuantity: integer().notNull(),
    claimedCount: integer().notNull().default(0),
    perShopperLimit: integer().notNull().default(1),
    /** Upper case; claiming by code is the only way to claim a voucher that has one. */
    code: text(),
    funder: text({ enum: VOUCHER_FUNDERS }).notNull(),
    /** Stopped by its issuer: no more claims (claims already made stay usable). */
    stoppedAt: integer({ mode: "timestamp_ms" }),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    index("vouchers_store_idx").on(t.storeId, t.endsAt),
    index("vouchers_festival_idx").on(t.festivalId, t.endsAt),
    uniqueIndex("vouchers_code_idx").on(t.code),
  ],
);

export const VOUCHER_CLAIM_STATUSES = ["claimed", "used", "returned"] as const;
export type VoucherClaimStatus = (typeof VOUCHER_CLAIM_STATUSES)[number];

/**
 * A shopper's claimed voucher. "claimed" and "returned" (its order was cancelled or expired unpaid)
 * are usable; "used" names the order it went to.
 */
export const voucherClaims = sqliteTable(
  "voucher_claims",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    voucherId: integer()
      .notNull()
      .references(() => vouchers.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text({ enum: VOUCHER_CLAIM_STATUSES }).notNull().default("claimed"),
    orderId: integer().references(() => orders.id, { onDelete: "set null" }),
    claimedAt: integer({ mode: "timestamp_ms" }).notNull(),
    usedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    index("voucher_claims_user_idx").on(t.userId, t.status),
    index("voucher_claims_voucher_idx").on(t.voucherId, t.userId),
    index("voucher_claims_order_idx").on(t.orderId),
  ],
);

/**
 * What a voucher took off one order line, to the cent (the allocations of an order's vouchers sum
 * exactly to their discounts), and who funds it. A line's paid amount is its units' price less these.
 */
export const orderLineDiscounts = sqliteTable(
  "order_line_discounts",
  {
    orderItemId: integer()
      .notNull()
      .references(() => orderItems.id, { onDelete: "cascade" }),
    voucherId: integer()
      .notNull()
      .references(() => vouchers.id),
    claimId: integer().references(() => voucherClaims.id, { onDelete: "set null" }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    amountCents: integer().notNull(),
    funder: text({ enum: VOUCHER_FUNDERS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderItemId, t.voucherId] }), index("order_line_discounts_order_idx").on(t.orderId)],
);
