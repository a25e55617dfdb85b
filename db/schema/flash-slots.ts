import { relations, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, uniqueIndex } from "drizzle-orm/sqlite-core";
import { products } from "./catalog.ts";
import { festivals } from "./festivals.ts";

/**
 * Flash-sale slots (秒杀): timed windows inside a festival (10:00, 14:00, 20:00 Beijing time…),
 * stored as UTC instants, live from `startsAt` (inclusive) to `endsAt` (exclusive) by the clock
 * (decision 035). They never overlap within a festival and lie inside its window.
 */
export const flashSlots = sqliteTable(
  "flash_slots",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    festivalId: integer()
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    startsAt: integer({ mode: "timestamp_ms" }).notNull(),
    endsAt: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("flash_slots_festival_idx").on(t.festivalId, t.startsAt),
    index("flash_slots_window_idx").on(t.startsAt, t.endsAt),
  ],
);

/**
 * A product in a slot: its slot price, the units that may sell at it (sold and reserved count
 * alike, as a deal's cap does) and 限购, the units one shopper may buy at it across their orders.
 */
export const flashSlotItems = sqliteTable(
  "flash_slot_items",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    slotId: integer()
      .notNull()
      .references(() => flashSlots.id, { onDelete: "cascade" }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    slotPriceCents: integer().notNull(),
    slotStock: integer().notNull(),
    perShopperLimit: integer(),
    /** Units paid for at the slot price. */
    soldCount: integer().notNull().default(0),
    /** Units held at the slot price by orders not paid yet. */
    reservedCount: integer().notNull().default(0),
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("flash_slot_items_slot_product_idx").on(t.slotId, t.productId),
    index("flash_slot_items_product_idx").on(t.productId),
    check("flash_slot_items_units_check", sql`${t.soldCount} >= 0 AND ${t.reservedCount} >= 0`),
  ],
);

export const flashSlotsRelations = relations(flashSlots, ({ one, many }) => ({
  festival: one(festivals, { fields: [flashSlots.festivalId], references: [festivals.id] }),
  items: many(flashSlotItems),
}));
export const flashSlotItemsRelations = relations(flashSlotItems, ({ one }) => ({
  slot: one(flashSlots, { fields: [flashSlotItems.slotId], references: [flashSlots.id] }),
  product: one(products, { fields: [flashSlotItems.productId], references: [products.id] }),
}));
