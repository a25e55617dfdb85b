/**
 * Festival status and prices: pure functions of the festival, the deal and the time. Every place that
 * shows or charges a price (cards, product page, search hits, cart, checkout) goes through these.
 */
export type FestivalStatus = "upcoming" | "live" | "ended";

export interface FestivalWindow {
  startsAt: Date;
  endsAt: Date;
}

/** Live from `startsAt` (inclusive) until `endsAt` (exclusive). */
export function festivalStatus(festival: FestivalWindow, now: Date): FestivalStatus {
  const t = now.getTime();
  if (t < festival.startsAt.getTime()) return "upcoming";
  if (t < festival.endsAt.getTime()) return "live";
  return "ended";
}

export interface DealTerms extends FestivalWindow {
  festivalId: number;
  published: boolean;
  /** A fixed festival price, or null when the deal is a percentage off. */
  dealPriceCents: number | null;
  discountPercent: number | null;
  /** Units that may sell at the deal price; null for no cap. It counts units sold and reserved alike. */
  dealStock: number | null;
  /** Units paid for at the deal price. */
  soldCount: number;
  /** Units held at the deal price by orders not paid yet. */
  reservedCount: number;
}

/** The deal's price for a product at this regular price (percentages round to the nearest cent). */
export function dealPriceFor(
  regularCents: number,
  deal: Pick<DealTerms, "dealPriceCents" | "discountPercent">,
): number {
  if (deal.dealPriceCents !== null) return deal.dealPriceCents;
  return Math.round((regularCents * (100 - (deal.discountPercent ?? 0))) / 100);
}

/** Units still available at the deal price (Infinity without a cap): the cap less units sold and reserved. */
export function dealUnitsLeft(deal: Pick<DealTerms, "dealStock" | "soldCount" | "reservedCount">): number {
  return deal.dealStock === null ? Infinity : Math.max(0, deal.dealStock - deal.soldCount - deal.reservedCount);
}

export function dealApplies(regularCents: number, deal: DealTerms, now: Date): boolean {
  if (!deal.published || festivalStatus(deal, now) !== "live" || dealUnitsLeft(deal) <= 0) return false;
  const price = dealPriceFor(regularCents, deal);
  // A "deal" that is not cheaper (the regular price was lowered since) is no deal.
  return price > 0 && price < regularCents;
}

export interface AppliedDeal<T extends DealTerms = DealTerms> {
  priceCents: number;
  percentOff: number;
  deal: T;
}

/** The lowest applicable festival price, or null: a product in two live festivals gets the better one. */
export function bestDeal<T extends DealTerms>(
  regularCents: number,
  deals: readonly T[],
  now: Date,
): AppliedDeal<T> | null {
  let best: AppliedDeal<T> | null = null;
  for (const deal of deals) {
    if (!dealApplies(regularCents, deal, now)) continue;
    const priceCents = dealPriceFor(regularCents, deal);
    if (!best || priceCents < best.priceCents || (priceCents === best.priceCents && deal.endsAt < best.deal.endsAt)) {
      best = { priceCents, percentOff: dealPercentOff(regularCents, deal, priceCents), deal };
    }
  }
  return best;
}

export interface EffectivePrice {
  /** What a shopper pays per unit at that instant: the best applicable deal's price, else the regular price. */
  priceCents: number;
  /** The saving behind that price in whole percent (as the deal label shows it); 0 without a deal. */
  discountPercent: number;
}

/**
 * The price shoppers see at `now`, as one value: what search sorts "price" and "biggest discount" by.
 * The index stores it (refreshed when deals, festivals or the clock change it) and the SQLite
 * fallback computes it per query, both through this function.
 */
export function effectivePrice(regularCents: number, deals: readonly DealTerms[], now: Date): EffectivePrice {
  const applied = bestDeal(regularCents, deals, now);
  return applied
    ? { priceCents: applied.priceCents, discountPercent: applied.percentOff }
    : { priceCents: regularCents, discountPercent: 0 };
}

/**
 * The saving a deal's label shows: a percent-off deal shows the percentage that was set (a 25 % deal
 * says 25 even where rounding to the cent makes the saving 24.97 %); a fixed price shows the saving
 * in whole percent, rounded down. Badges, cards, the cart and search's "biggest discount" all use it.
 */
export function dealPercentOff(
  regularCents: number,
  deal: Pick<DealTerms, "dealPriceCents" | "discountPercent">,
  priceCents: number = dealPriceFor(regularCents, deal),
): number {
  if (deal.dealPriceCents === null && deal.discountPercent !== null) return deal.discountPercent;
  return percentOff(regularCents, priceCents);
}

/** Whole percent saved, rounded down so a label never promises more than it gives. */
export function percentOff(regularCents: number, priceCents: number): number {
  if (regularCents <= 0) return 0;
  return Math.floor(((regularCents - priceCents) * 100) / regularCents);
}

export interface DealSplit {
  /** Units charged at the deal price. */
  dealUnits: number;
  /** Units charged at the regular price (the rest of the quantity). */
  regularUnits: number;
  /** What kept units off the deal price: the deal's cap, the per-shopper limit, or nothing. */
  limitedBy: "cap" | "shopper" | null;
}

/**
 * Splits a quantity into units at the deal price and units at the regular price (限购): as many at
 * the deal price as the deal's cap still allows (`capLeft`, Infinity without a cap) and the shopper's
 * limit still allows (`perShopperLimit` less the units they `alreadyBought` at this deal; null for no
 * limit), the rest at the regular price. Never a unit lost or gained, never a negative count.
 */
export function splitDealQuantity(
  requested: number,
  terms: { capLeft: number; perShopperLimit: number | null; alreadyBought: number },
): DealSplit {
  const wanted = Math.max(0, Math.floor(requested));
  const capLeft = Math.max(0, Math.floor(terms.capLeft));
  const limitLeft =
    terms.perShopperLimit === null
      ? Infinity
      : Math.max(0, Math.floor(terms.perShopperLimit) - Math.max(0, Math.floor(terms.alreadyBought)));
  const dealUnits = Math.min(wanted, capLeft, limitLeft);
  const limitedBy = dealUnits >= wanted ? null : limitLeft <= capLeft ? "shopper" : "cap";
  return { dealUnits, regularUnits: wanted - dealUnits, limitedBy };
}
