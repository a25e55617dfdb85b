import { asc, eq } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { festivalDeals, festivals, products, stores, vouchers } from "../schema/index.ts";

const DAY = 86_400_000;

/**
 * A few believable vouchers (decision 034) around the festival live at `anchor`: a tiered 跨店满减
 * for the festival funded by the campaign, a 9折 code for organizers' outreach, and a store voucher
 * for each of the two stores whose deals come first in the festival (the ones a shopper meets first).
 */
export function seedVouchers(tx: Tx, anchor: Date) {
  const live = tx
    .select()
    .from(festivals)
    .all()
    .find((f) => f.published && f.startsAt.getTime() <= anchor.getTime() && f.endsAt.getTime() > anchor.getTime());
  if (!live) return;
  const dealStores = tx
    .select({ storeId: products.storeId })
    .from(festivalDeals)
    .innerJoin(products, eq(products.id, festivalDeals.productId))
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(eq(festivalDeals.festivalId, live.id))
    .orderBy(asc(festivalDeals.position))
    .all()
    .map((r) => r.storeId);
  const [first, second] = [...new Set(dealStores)];
  const window = { startsAt: live.startsAt, endsAt: live.endsAt, createdAt: new Date(live.startsAt.getTime() - DAY) };
  tx.insert(vouchers)
    .values([
      {
        scope: "festival",
        festivalId: live.id,
        kind: "spend",
        tiers: [
          { minCents: 2_000, offCents: 200 },
          { minCents: 5_000, offCents: 600 },
          { minCents: 10_000, offCents: 1_500 },
        ],
        minCents: 2_000,
        ...window,
        totalQuantity: 5_000,
        perShopperLimit: 1,
        funder: "campaign",
      },
      {
        scope: "festival",
        festivalId: live.id,
        kind: "percent",
        percentOff: 10,
        capCents: 1_000,
        minCents: 3_000,
        ...window,
        totalQuantity: 500,
        perShopperLimit: 1,
        code: "SILKROAD10",
        funder: "campaign",
      },
      ...[first, second].flatMap((storeId, i) =>
        storeId === undefined
          ? []
          : [
              {
                scope: "store" as const,
                storeId,
                kind: "spend" as const,
                tiers:
                  i === 0
                    ? [
                        { minCents: 1_000, offCents: 100 },
                        { minCents: 4_000, offCents: 500 },
                      ]
                    : [{ minCents: 1_500, offCents: 200 }],
                minCents: i === 0 ? 1_000 : 1_500,
                startsAt: new Date(anchor.getTime() - DAY),
                endsAt: new Date(anchor.getTime() + 14 * DAY),
                createdAt: new Date(anchor.getTime() - DAY),
                totalQuantity: 300,
                perShopperLimit: 1,
                funder: "store" as const,
              },
            ],
      ),
    ])
    .run();
}
