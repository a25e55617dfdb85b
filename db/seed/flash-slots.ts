import { and, eq } from "drizzle-orm";
import type { Tx } from "../client.ts";
import { dealApplies, dealPriceFor } from "../pricing.ts";
import { festivalDeals, festivals, flashSlotItems, flashSlots, products } from "../schema/index.ts";
import type { Random } from "./random.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The live festival's 秒杀 schedule (decision 035). */
const FESTIVAL = "african-products-online-shopping-festival";
/**
 * Three slots a day, as on the big platforms: 10:00, 14:00 and 20:00 Beijing time (02:00, 06:00 and
 * 12:00 UTC), each running until the next one starts (the 20:00 slot until 10:00 next morning), so
 * a slot is on at any moment of the festival and the next one is always announced.
 */
const STARTS_UTC_HOURS = [2, 6, 12];
const ITEMS_PER_SLOT = 6;

/** Shop-style flash price: about 30–45 % below the festival price, ending in .90 (always below it). */
function flashPrice(dealCents: number, random: Random): number | null {
  const target = Math.round((dealCents * random.int(55, 70)) / 100);
  let cents = Math.floor(target / 100) * 100 + 90;
  if (cents >= dealCents) cents -= 100;
  return cents > 0 ? cents : null;
}

export function seedFlashSlots(tx: Tx, random: Random) {
  const festival = tx.select().from(festivals).where(eq(festivals.slug, FESTIVAL)).get();
  if (!festival) return;
  const deals = tx
    .select({ deal: festivalDeals, priceCents: products.priceCents, stock: products.stock })
    .from(festivalDeals)
    .innerJoin(products, eq(products.id, festivalDeals.productId))
    .where(and(eq(festivalDeals.festivalId, festival.id), eq(products.status, "active")))
    .all()
    .filter((d) => d.stock >= 10)
    .flatMap((d) => {
      // The deal's own price while the festival is live (the seed's deals all apply then).
      const live = { ...d.deal, ...festival, festivalId: festival.id, published: true };
      if (!dealApplies(d.priceCents, live, festival.startsAt)) return [];
      return [{ ...d, dealCents: dealPriceFor(d.priceCents, d.deal) }];
    });
  if (deals.length < ITEMS_PER_SLOT) return;

  const starts: Date[] = [];
  for (let day = Math.floor(festival.startsAt.getTime() / DAY) * DAY; day < festival.endsAt.getTime(); day += DAY)
    for (const hour of STARTS_UTC_HOURS) {
      const start = new Date(day + hour * HOUR);
      if (start >= festival.startsAt && start < festival.endsAt) starts.push(start);
    }
  for (const [i, startsAt] of starts.entries()) {
    const endsAt = starts[i + 1] ?? festival.endsAt;
    const [slot] = tx.insert(flashSlots).values({ festivalId: festival.id, startsAt, endsAt }).returning().all();
    const items = random
      .shuffle(deals)
      .slice(0, ITEMS_PER_SLOT)
      .flatMap((d, position) => {
        const slotPriceCents = flashPrice(d.dealCents, random);
        if (slotPriceCents === null) return [];
        return [
          {
            slotId: slot!.id,
            productId: d.deal.productId,
            slotPriceCents,
            slotStock: Math.min(d.stock, random.pick([10, 20, 30, 50])),
            perShopperLimit: random.pick([1, 2, 2, 3]),
            position,
          },
        ];
      });
    if (items.length > 0) tx.insert(flashSlotItems).values(items).run();
  }
}
