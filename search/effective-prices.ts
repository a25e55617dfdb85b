import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import type { DealTerms } from "#db/pricing.ts";
import { festivalDeals, festivals } from "#db/schema/index.ts";

type Reader = Pick<DB, "select">;

/**
 * What search needs to work out effective prices (db/pricing.ts `effectivePrice`): the terms of
 * deals in published festivals, by product: for these products (every deal, so the
 * caller can also list their festivals), or, with `liveAt` and no ids, only deals of festivals live
 * at that instant (a few hundred rows whatever the catalog's size).
 */
export function loadDealTerms(
  db: Reader,
  options: { productIds?: readonly number[]; liveAt?: Date },
): Map<number, (DealTerms & { productId: number })[]> {
  const byProduct = new Map<number, (DealTerms & { productId: number })[]>();
  if (options.productIds?.length === 0) return byProduct;
  const rows = db
    .select({
      productId: festivalDeals.productId,
      festivalId: festivalDeals.festivalId,
      dealPriceCents: festivalDeals.dealPriceCents,
      discountPercent: festivalDeals.discountPercent,
      dealStock: festivalDeals.dealStock,
      soldCount: festivalDeals.soldCount,
      reservedCount: festivalDeals.reservedCount,
      published: festivals.published,
      startsAt: festivals.startsAt,
      endsAt: festivals.endsAt,
    })
    .from(festivalDeals)
    .innerJoin(festivals, eq(festivals.id, festivalDeals.festivalId))
    .where(
      and(
        eq(festivals.published, true),
        options.productIds ? inArray(festivalDeals.productId, [...new Set(options.productIds)]) : undefined,
        options.liveAt ? and(lte(festivals.startsAt, options.liveAt), gt(festivals.endsAt, options.liveAt)) : undefined,
      ),
    )
    .all();
  for (const row of rows) {
    const list = byProduct.get(row.productId);
    if (list) list.push(row);
    else byProduct.set(row.productId, [row]);
  }
  return byProduct;
}
