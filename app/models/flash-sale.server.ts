import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { slotStatus, slotUnitsLeft } from "#db/flash-slots.ts";
import { productIsVisible } from "#db/rules.ts";
import { festivals, flashSlotItems, flashSlots, products, stores } from "#db/schema/index.ts";
import { localizedColumns } from "#db/columns.ts";
import { pick } from "./localize.ts";
import { placeholderArt } from "./products.server.ts";

/**
 * What shoppers see of flash-sale slots (秒杀, decision 035): the festival page's block (the slot
 * live now, else the next one, with its products and the units left) and the product page's badge.
 * Status comes from the clock like festival status; nothing is stored at a slot's start or end.
 */
export interface FlashSlotView {
  id: number;
  status: "live" | "upcoming";
  startsAt: string;
  endsAt: string;
  items: {
    productId: number;
    slug: string;
    title: string;
    imageUrl: string;
    storeName: string;
    regularCents: number;
    slotPriceCents: number;
    slotStock: number;
    unitsLeft: number;
    perShopperLimit: number | null;
  }[];
}

export interface FestivalFlashSale {
  /** The server's instant the page was made at (the countdown starts from it without JavaScript). */
  now: string;
  current: FlashSlotView | null;
  next: FlashSlotView | null;
  /** The festival's slots not yet ended, in time order (the schedule line). */
  schedule: { id: number; startsAt: string; endsAt: string; status: "live" | "upcoming" }[];
}

/** The festival's flash sale at `at`: null when it has no slot left (or none at all). */
export function festivalFlashSale(festivalId: number, locale: Locale, at: Date = clockNow()): FestivalFlashSale | null {
  const db = getDb();
  const slots = db
    .select()
    .from(flashSlots)
    .where(and(eq(flashSlots.festivalId, festivalId), gt(flashSlots.endsAt, at)))
    .orderBy(asc(flashSlots.startsAt))
    .all();
  if (slots.length === 0) return null;
  const current = slots.find((s) => slotStatus(s, at) === "live") ?? null;
  const next = slots.find((s) => slotStatus(s, at) === "upcoming") ?? null;
  const shown = [current, next].filter((s) => s !== null);
  const rows = db
    .select({ item: flashSlotItems, product: products, storeName: localizedColumns(stores, "name") })
    .from(flashSlotItems)
    .innerJoin(products, eq(products.id, flashSlotItems.productId))
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(
      and(
        inArray(
          flashSlotItems.slotId,
          shown.map((s) => s.id),
        ),
        productIsVisible,
      ),
    )
    .orderBy(asc(flashSlotItems.position))
    .all();
  const view = (slot: (typeof slots)[number] | null): FlashSlotView | null =>
    slot && {
      id: slot.id,
      status: slotStatus(slot, at) === "live" ? "live" : "upcoming",
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      items: rows
        .filter((r) => r.item.slotId === slot.id)
        .map(({ item, product, storeName }) => ({
          productId: product.id,
          slug: product.slug,
          title: pick(product, "title", locale),
          imageUrl: product.images[0] ?? placeholderArt(product.slug),
          storeName: pick(storeName, "name", locale),
          regularCents: product.priceCents,
          slotPriceCents: item.slotPriceCents,
          slotStock: item.slotStock,
          unitsLeft: slotUnitsLeft(item),
          perShopperLimit: item.perShopperLimit,
        })),
    };
  return {
    now: at.toISOString(),
    current: view(current),
    next: view(next),
    schedule: slots.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      status: slotStatus(s, at) === "live" ? "live" : "upcoming",
    })),
  };
}

export interface ProductFlashSale {
  status: "live" | "upcoming";
  startsAt: string;
  endsAt: string;
  slotPriceCents: number;
  unitsLeft: number;
  perShopperLimit: number | null;
  festival: { slug: string; name: string; color: string };
}

/** The product's slot live now, else its next one, in a published festival; null when none. */
export function productFlashSale(productId: number, locale: Locale, at: Date = clockNow()): ProductFlashSale | null {
  const rows = getDb()
    .select({
      item: flashSlotItems,
      slot: flashSlots,
      festival: {
        slug: festivals.slug,
        ...localizedColumns(festivals, "name"),
        themeColor: festivals.themeColor,
      },
    })
    .from(flashSlotItems)
    .innerJoin(flashSlots, eq(flashSlots.id, flashSlotItems.slotId))
    .innerJoin(festivals, eq(festivals.id, flashSlots.festivalId))
    .where(and(eq(flashSlotItems.productId, productId), eq(festivals.published, true), gt(flashSlots.endsAt, at)))
    .orderBy(asc(flashSlots.startsAt))
    .all();
  const row = rows.find((r) => slotStatus(r.slot, at) === "live") ?? rows[0];
  if (!row) return null;
  return {
    status: slotStatus(row.slot, at) === "live" ? "live" : "upcoming",
    startsAt: row.slot.startsAt.toISOString(),
    endsAt: row.slot.endsAt.toISOString(),
    slotPriceCents: row.item.slotPriceCents,
    unitsLeft: slotUnitsLeft(row.item),
    perShopperLimit: row.item.perShopperLimit,
    festival: { slug: row.festival.slug, name: pick(row.festival, "name", locale), color: row.festival.themeColor },
  };
}
