/**
 * Flash-sale slot prices (秒杀, decision 035): pure functions of the slot, its item and the time, the
 * way db/pricing.ts prices festival deals. A slot is live from `startsAt` (inclusive) to `endsAt`
 * (exclusive); its price applies while it is live, its festival published, units are left at it
 * and it is below what the shopper would pay otherwise (the deal price, else the regular price).
 */
import { festivalStatus, type FestivalWindow } from "./pricing.ts";

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
