import { and, eq, gt, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb, preparedQuery } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { bestDeal, dealUnitsLeft, percentOff, splitDealQuantity, type DealSplit, type DealTerms } from "#db/pricing.ts";
import { SOLD_ORDER_STATUSES } from "#db/rules.ts";
import { festivalDeals, festivals, orderItems, orders } from "#db/schema/index.ts";
import { localizedColumns } from "#db/columns.ts";
import { bestSlot, slotUnitsLeft } from "#db/flash-slots.ts";
import { liveSlotRows, type LiveSlotRow } from "#db/flash-slot-rows.ts";
import type { DB } from "#db/client.ts";
import { pick } from "./localize.ts";

/** A festival price as listings show it. */
export interface CardDeal {
  priceCents: number;
  percentOff: number;
  /** Units left at this price when the deal has a cap; null without one. */
  unitsLeft: number | null;
  festival: { id: number; slug: string; name: string; color: string; endsAt: string };
  /** Set when the price is a live flash-sale slot's (秒杀): when the slot ends. */
  flash?: { endsAt: string };
}

export interface LiveDealRow extends DealTerms {
  dealId: number;
  /** 限购: units one shopper may buy at the deal price across their orders; null for no limit. */
  perShopperLimit: number | null;
  productId: number;
  slug: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
  themeColor: string;
}

type Reader = Pick<DB, "select">;

/**
 * Deals of published festivals live at `at` for these products (one query, whatever the count).
 * `previewFestivalId` counts that festival as published (an organizer previewing a draft sees its
 * prices exactly as shoppers will once it is published).
 */
export function liveDealRows(
  productIds: readonly number[],
  at: Date,
  db: Reader = getDb(),
  { previewFestivalId }: { previewFestivalId?: number } = {},
): Map<number, LiveDealRow[]> {
  const byProduct = new Map<number, LiveDealRow[]>();
  if (productIds.length === 0) return byProduct;
  const ids = [...new Set(productIds)];
  // Every listing and product page asks this: prepared once, unless previewing or in a transaction.
  const rows =
    previewFestivalId === undefined && db === getDb()
      ? liveDealsPrepared().all({ ids: JSON.stringify(ids), at: at.getTime() })
      : liveDealsQuery(db, ids, at, previewFestivalId);
  for (const row of rows) {
    const deal = row.festivalId === previewFestivalId ? { ...row, published: true } : row;
    byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), deal]);
  }
  return byProduct;
}

const liveDealColumns = {
  dealId: festivalDeals.id,
  productId: festivalDeals.productId,
  dealPriceCents: festivalDeals.dealPriceCents,
  discountPercent: festivalDeals.discountPercent,
  dealStock: festivalDeals.dealStock,
  perShopperLimit: festivalDeals.perShopperLimit,
  soldCount: festivalDeals.soldCount,
  reservedCount: festivalDeals.reservedCount,
  festivalId: festivals.id,
  published: festivals.published,
  startsAt: festivals.startsAt,
  endsAt: festivals.endsAt,
  slug: festivals.slug,
  ...localizedColumns(festivals, "name"),
  themeColor: festivals.themeColor,
};

/** liveDealRows' query with its values as placeholders: the ids as a JSON array, the time in ms. */
const liveDealsPrepared = preparedQuery((db) =>
  db
    .select(liveDealColumns)
    .from(festivalDeals)
    .innerJoin(festivals, eq(festivals.id, festivalDeals.festivalId))
    .where(
      and(
        sql`${festivalDeals.productId} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`,
        eq(festivals.published, true),
        lte(festivals.startsAt, sql.placeholder("at")),
        gt(festivals.endsAt, sql.placeholder("at")),
      ),
    )
    .prepare(),
);

function liveDealsQuery(db: Reader, ids: number[], at: Date, previewFestivalId: number | undefined) {
  return db
    .select(liveDealColumns)
    .from(festivalDeals)
    .innerJoin(festivals, eq(festivals.id, festivalDeals.festivalId))
    .where(
      and(
        inArray(festivalDeals.productId, ids),
        previewFestivalId === undefined
          ? eq(festivals.published, true)
          : or(eq(festivals.published, true), eq(festivals.id, previewFestivalId)),
        lte(festivals.startsAt, at),
        gt(festivals.endsAt, at),
      ),
    )
    .all();
}

export interface PriceQuote {
  /** What the shopper pays per unit now. */
  unitCents: number;
  regularCents: number;
  /** The festival deal behind `unitCents`, if any. */
  dealId: number | null;
  festivalId: number | null;
  /** Units left at the deal price (Infinity when uncapped). */
  dealUnitsLeft: number;
  /** 限购 of the deal behind `unitCents`: units one shopper may buy at its price; null for no limit. */
  perShopperLimit: number | null;
  /** The deal and festival behind the price (for badges), or null at the regular price. */
  deal: LiveDealRow | null;
  /**
   * A live flash-sale slot's price (秒杀, decision 035): it comes before the deal price for as many
   * units as the slot's stock and the shopper's slot limit allow; the rest fall back to `unitCents`.
   */
  slot: SlotQuote | null;
}

export interface SlotQuote {
  slotItemId: number;
  slotId: number;
  festivalId: number;
  priceCents: number;
  /** Units left at the slot price. */
  unitsLeft: number;
  perShopperLimit: number | null;
  endsAt: Date;
}

function slotQuote(row: LiveSlotRow | null): SlotQuote | null {
  return row
    ? {
        slotItemId: row.slotItemId,
        slotId: row.slotId,
        festivalId: row.festivalId,
        priceCents: row.slotPriceCents,
        unitsLeft: slotUnitsLeft(row),
        perShopperLimit: row.perShopperLimit,
        endsAt: row.endsAt,
      }
    : null;
}

/**
 * Current unit prices for products, festival deals included. The cart and checkout call this with
 * the regular prices they just read, inside their own transaction, so the price charged is the price
 * at that moment, never one carried over from a form or an earlier page.
 */
export function quotePrices(
  items: readonly { productId: number; regularCents: number }[],
  options: { at?: Date; db?: Reader } = {},
): Map<number, PriceQuote> {
  const at = options.at ?? clockNow();
  const deals = liveDealRows(
    items.map((i) => i.productId),
    at,
    options.db,
  );
  const slots = liveSlotRows(
    items.map((i) => i.productId),
    at,
    options.db ?? getDb(),
  );
  const quotes = new Map<number, PriceQuote>();
  for (const item of items) {
    const applied = bestDeal(item.regularCents, deals.get(item.productId) ?? [], at);
    quotes.set(item.productId, {
      slot: slotQuote(bestSlot(slots.get(item.productId) ?? [], applied?.priceCents ?? item.regularCents, at)),
      unitCents: applied?.priceCents ?? item.regularCents,
      regularCents: item.regularCents,
      dealId: applied?.deal.dealId ?? null,
      festivalId: applied?.deal.festivalId ?? null,
      dealUnitsLeft: applied ? dealUnitsLeft(applied.deal) : 0,
      perShopperLimit: applied?.deal.perShopperLimit ?? null,
      deal: applied?.deal ?? null,
    });
  }
  return quotes;
}

/** Adds the live festival price to anything with an id and a regular price (cards, search hits). */
export function withDeals<T extends { id: number; priceCents: number }>(
  items: T[],
  locale: Locale,
  at: Date = clockNow(),
  options: { previewFestivalId?: number } = {},
): (T & { deal: CardDeal | null })[] {
  const deals = liveDealRows(
    items.map((i) => i.id),
    at,
    getDb(),
    options,
  );
  const slots = liveSlotRows(
    items.map((i) => i.id),
    at,
    getDb(),
  );
  return items.map((item) => {
    const applied = bestDeal(item.priceCents, deals.get(item.id) ?? [], at);
    const slot = bestSlot(slots.get(item.id) ?? [], applied?.priceCents ?? item.priceCents, at);
    const slotFestival = slot ? liveFestivalOf(slot, deals.get(item.id) ?? []) : null;
    return {
      ...item,
      deal: slot
        ? {
            priceCents: slot.slotPriceCents,
            percentOff: percentOff(item.priceCents, slot.slotPriceCents),
            unitsLeft: slotUnitsLeft(slot),
            flash: { endsAt: slot.endsAt.toISOString() },
            festival: {
              id: slot.festivalId,
              slug: slotFestival?.slug ?? "",
              name: slotFestival ? pick(slotFestival, "name", locale) : "",
              color: slotFestival?.themeColor ?? "#dc2626",
              // The slot price lasts until the slot ends, not the festival.
              endsAt: slot.endsAt.toISOString(),
            },
          }
        : applied
          ? {
              priceCents: applied.priceCents,
              percentOff: applied.percentOff,
              unitsLeft: applied.deal.dealStock === null ? null : dealUnitsLeft(applied.deal),
              festival: {
                id: applied.deal.festivalId,
                slug: applied.deal.slug,
                name: pick(applied.deal, "name", locale),
                color: applied.deal.themeColor,
                endsAt: applied.deal.endsAt.toISOString(),
              },
            }
          : null,
    };
  });
}

/** Whose earlier orders count against a per-shopper limit: a signed-in user, a guest's order email, or nobody yet. */
export type DealShopper = { userId: number } | { email: string } | null;

/** Orders whose deal units count against a limit: open (not paid yet) or sold; not cancelled, expired or refunded. */
const COUNTED_ORDER_STATUSES = ["pending_payment", ...SOLD_ORDER_STATUSES] as const;

/**
 * Units a shopper already bought at these deals (限购): quantity less refunded units of their order
 * lines at each deal, in orders still pending payment or sold. A signed-in shopper is their user id;
 * a guest is the order's email, compared case-insensitively; nobody (a guest cart before checkout)
 * has bought nothing yet.
 */
export function dealUnitsBought(db: Reader, shopper: DealShopper, dealIds: readonly number[]): Map<number, number> {
  const bought = new Map<number, number>();
  if (!shopper || dealIds.length === 0) return bought;
  const whose: SQL =
    "userId" in shopper
      ? eq(orders.userId, shopper.userId)
      : sql`lower(${orders.email}) = ${shopper.email.trim().toLowerCase()}`;
  const rows = db
    .select({
      dealId: orderItems.dealId,
      units: sql<number>`coalesce(sum(${orderItems.quantity} - ${orderItems.refundedQuantity}), 0)`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(
        inArray(orderItems.dealId, [...new Set(dealIds)]),
        inArray(orders.status, [...COUNTED_ORDER_STATUSES]),
        whose,
      ),
    )
    .groupBy(orderItems.dealId)
    .all();
  for (const row of rows) if (row.dealId !== null) bought.set(row.dealId, Math.max(0, row.units));
  return bought;
}

/** How a line of `quantity` splits at this quote: units at its deal price (cap and 限购 allowing) and the rest. */
export function splitQuote(quote: PriceQuote, quantity: number, bought: ReadonlyMap<number, number>): DealSplit {
  if (quote.dealId === null) return { dealUnits: 0, regularUnits: quantity, limitedBy: null };
  return splitDealQuantity(quantity, {
    capLeft: quote.dealUnitsLeft,
    perShopperLimit: quote.perShopperLimit,
    alreadyBought: bought.get(quote.dealId) ?? 0,
  });
}

/** The festival row (name, colour) of a live slot, from the product's live deals or, failing that, the database. */
function liveFestivalOf(slot: LiveSlotRow, deals: readonly LiveDealRow[]) {
  const fromDeal = deals.find((d) => d.festivalId === slot.festivalId);
  if (fromDeal) return fromDeal;
  return (
    getDb()
      .select({
        slug: festivals.slug,
        ...localizedColumns(festivals, "name"),
        themeColor: festivals.themeColor,
        endsAt: festivals.endsAt,
      })
      .from(festivals)
      .where(eq(festivals.id, slot.festivalId))
      .get() ?? null
  );
}

/** How a line of `quantity` splits when a slot is live: slot units first, then the deal split of the rest. */
export interface SlotSplit extends DealSplit {
  slotUnits: number;
  slotLimitedBy: "cap" | "shopper" | null;
}

/**
 * Splits a line: as many units at the live slot's price as its stock left and the shopper's slot
 * limit (限购, `slotBought`) allow, then the rest as `splitQuote` splits it (deal price, regular).
 * Never a unit lost or gained.
 */
export function splitSlotQuote(
  quote: PriceQuote,
  quantity: number,
  bought: ReadonlyMap<number, number>,
  slotBought: ReadonlyMap<number, number>,
): SlotSplit {
  const slot = quote.slot
    ? splitDealQuantity(quantity, {
        capLeft: quote.slot.unitsLeft,
        perShopperLimit: quote.slot.perShopperLimit,
        alreadyBought: slotBought.get(quote.slot.slotItemId) ?? 0,
      })
    : { dealUnits: 0, regularUnits: quantity, limitedBy: null };
  const rest = splitQuote(quote, slot.regularUnits, bought);
  return { ...rest, slotUnits: slot.dealUnits, slotLimitedBy: slot.limitedBy };
}
