/**
 * Flash-sale slot prices (秒杀, decision 035): pure functions of the slot, its item and the time, the
 * way db/pricing.ts prices festival deals. A slot is live from `startsAt` (inclusive) to `endsAt`
 * (exclusive); its price applies while it is live, its festival published, units are left at it
 * and it is below what the shopper would pay otherwise (the deal price, else the regular price).
 */
import {
  bestDeal,
  festivalStatus,
  percentOff,
  type DealTerms,
  type EffectivePrice,
  type FestivalWindow,
} from "./pricing.ts";

export interface SlotTerms {
  slotId: number;
  slotItemId: number;
  festivalId: number;
  published: boolean;
  startsAt: Date;
  endsAt: Date;
  slotPriceCents: number;
  slotStock: number;
  perShopperLimit: number | null;
  soldCount: number;
  reservedCount: number;
}

export type SlotStatus = "upcoming" | "live" | "ended";

export function slotStatus(slot: FestivalWindow, at: Date): SlotStatus {
  return festivalStatus(slot, at);
}

/** Units still available at the slot price: its stock less units sold and reserved (never negative). */
export function slotUnitsLeft(item: Pick<SlotTerms, "slotStock" | "soldCount" | "reservedCount">): number {
  return Math.max(0, item.slotStock - item.soldCount - item.reservedCount);
}

/**
 * Whether the slot price is what a shopper pays at `at` for a product that would otherwise cost
 * `otherwiseCents` (the live deal price, or the regular price).
 */
export function slotApplies(item: SlotTerms, otherwiseCents: number, at: Date): boolean {
  return (
    item.published &&
    slotStatus(item, at) === "live" &&
    slotUnitsLeft(item) > 0 &&
    item.slotPriceCents > 0 &&
    item.slotPriceCents < otherwiseCents
  );
}

/** The live slot item with the lowest price for a product, or null (slots never overlap in one festival, but two festivals may). */
export function bestSlot<T extends SlotTerms>(items: readonly T[], otherwiseCents: number, at: Date): T | null {
  let best: T | null = null;
  for (const item of items)
    if (slotApplies(item, otherwiseCents, at) && (!best || item.slotPriceCents < best.slotPriceCents)) best = item;
  return best;
}

/**
 * Whether a product is "on flash sale now" for search (its filter and facet): a slot of a published
 * festival live at `at`, with units left, at a price below the regular price. Both engines use this.
 */
export function flashSaleNow(regularCents: number, items: readonly SlotTerms[], at: Date): boolean {
  return items.some((item) => slotApplies(item, regularCents, at));
}

/**
 * The price search sorts on (decision 015) with slots: the live slot's price when it applies, else
 * the best deal's, else the regular price; the saving in whole percent, rounded down for a slot.
 */
export function effectivePriceWithSlots(
  regularCents: number,
  deals: readonly DealTerms[],
  slots: readonly SlotTerms[],
  at: Date,
): EffectivePrice {
  const deal = bestDeal(regularCents, deals, at);
  const slot = bestSlot(slots, deal?.priceCents ?? regularCents, at);
  if (slot) return { priceCents: slot.slotPriceCents, discountPercent: percentOff(regularCents, slot.slotPriceCents) };
  return deal
    ? { priceCents: deal.priceCents, discountPercent: deal.percentOff }
    : { priceCents: regularCents, discountPercent: 0 };
}
