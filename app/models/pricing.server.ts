import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { bestDeal, dealUnitsLeft, type DealTerms } from "#db/pricing.ts";
import { festivalDeals, festivals } from "#db/schema/index.ts";
import { localizedColumns } from "#db/columns.ts";
import type { DB } from "#db/client.ts";
import { pick } from "./localize.ts";

/** A festival price as listings show it. */
export interface CardDeal {
  priceCents: number;
  percentOff: number;
  /** Units left at this price when the deal has a cap; null without one. */
  unitsLeft: number | null;
  festival: { id: number; slug: string; name: string; color: string; endsAt: string };
}

export interface LiveDealRow extends DealTerms {
  dealId: number;
  productId: number;
  slug: string;
  nameEn: string;
  nameZh: string;
  nameFr: string;
  themeColor: string;
}

type Reader = Pick<DB, "select">;

/** Deals of published festivals live at `at` for these products (one query, whatever the count). */
export function liveDealRows(
  productIds: readonly number[],
  at: Date,
  db: Reader = getDb(),
): Map<number, LiveDealRow[]> {
  const byProduct = new Map<number, LiveDealRow[]>();
  if (productIds.length === 0) return byProduct;
  const rows = db
    .select({
      dealId: festivalDeals.id,
      productId: festivalDeals.productId,
      dealPriceCents: festivalDeals.dealPriceCents,
      discountPercent: festivalDeals.discountPercent,
      dealStock: festivalDeals.dealStock,
      soldCount: festivalDeals.soldCount,
      reservedCount: festivalDeals.reservedCount,
      festivalId: festivals.id,
      published: festivals.published,
      startsAt: festivals.startsAt,
      endsAt: festivals.endsAt,
      slug: festivals.slug,
      ...localizedColumns(festivals, "name"),
      themeColor: festivals.themeColor,
    })
    .from(festivalDeals)
    .innerJoin(festivals, eq(festivals.id, festivalDeals.festivalId))
    .where(
      and(
        inArray(festivalDeals.productId, [...new Set(productIds)]),
        eq(festivals.published, true),
        lte(festivals.startsAt, at),
        gt(festivals.endsAt, at),
      ),
    )
    .all();
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row]);
  return byProduct;
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
  /** The deal and festival behind the price (for badges), or null at the regular price. */
  deal: LiveDealRow | null;
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
  const quotes = new Map<number, PriceQuote>();
  for (const item of items) {
    const applied = bestDeal(item.regularCents, deals.get(item.productId) ?? [], at);
    quotes.set(item.productId, {
      unitCents: applied?.priceCents ?? item.regularCents,
      regularCents: item.regularCents,
      dealId: applied?.deal.dealId ?? null,
      festivalId: applied?.deal.festivalId ?? null,
      dealUnitsLeft: applied ? dealUnitsLeft(applied.deal) : 0,
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
): (T & { deal: CardDeal | null })[] {
  const deals = liveDealRows(
    items.map((i) => i.id),
    at,
  );
  return items.map((item) => {
    const applied = bestDeal(item.priceCents, deals.get(item.id) ?? [], at);
    return {
      ...item,
      deal: applied
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
