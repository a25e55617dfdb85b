import type { Zone } from "./zones.ts";

/**
 * Shipping quotes (issue #15): pure, integer cents, no I/O. A store has one or more shipping
 * profiles (postal, express); each prices the zones it ships to and leaves out the others.
 */
export const SHIPPING_METHODS = ["postal", "express"] as const;
export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

export const PRICINGS = ["item", "weight"] as const;
export type Pricing = (typeof PRICINGS)[number];

/** Weight pricing counts started steps of this many grams: the first step, then each further one. */
export const WEIGHT_STEP_GRAMS = 500;

export interface ZoneRate {
  /** By item: the first item; by weight: the first 500 g (or part of it). */
  firstCents: number;
  /** By item: each additional item; by weight: each additional 500 g started. */
  additionalCents: number;
  minDays: number;
  maxDays: number;
}

export interface ShippingProfileRule {
  id: number;
  method: ShippingMethod;
  pricing: Pricing;
  /** Goods of the store at or above this (after deals) ship free; null: never free. */
  freeOverCents: number | null;
  /** Zones shipped to; a zone left out is not shipped to. */
  rates: Partial<Record<Zone, ZoneRate>>;
}

export interface QuoteLine {
  quantity: number;
  /** What the line costs (after deals): counts towards the free-shipping threshold. */
  lineCents: number;
  /** One unit's shipping weight in grams. */
  unitGrams: number;
}

export interface ShippingQuote {
  profileId: number;
  method: ShippingMethod;
  costCents: number;
  /** True when the threshold made it free (costCents is then 0). */
  free: boolean;
  minDays: number;
  maxDays: number;
}

/** The cost of sending these lines with one profile to one zone, or null if the profile does not ship there. */
export function quoteShipping(
  profile: ShippingProfileRule,
  zone: Zone,
  lines: readonly QuoteLine[],
): ShippingQuote | null {
  const rate = profile.rates[zone];
  if (!rate) return null;
  const goodsCents = lines.reduce((n, l) => n + l.lineCents, 0);
  const base = { profileId: profile.id, method: profile.method, minDays: rate.minDays, maxDays: rate.maxDays };
  if (lines.length === 0) return { ...base, costCents: 0, free: false };
  if (profile.freeOverCents !== null && goodsCents >= profile.freeOverCents)
    return { ...base, costCents: 0, free: true };
  let steps: number;
  if (profile.pricing === "item") {
    steps = lines.reduce((n, l) => n + l.quantity, 0);
  } else {
    const grams = lines.reduce((n, l) => n + l.quantity * Math.max(0, l.unitGrams), 0);
    steps = Math.max(1, Math.ceil(grams / WEIGHT_STEP_GRAMS));
  }
  return { ...base, costCents: rate.firstCents + Math.max(0, steps - 1) * rate.additionalCents, free: false };
}

/** Every option a store's profiles offer for the zone, cheapest first (ties: the faster one). */
export function shippingOptions(
  profiles: readonly ShippingProfileRule[],
  zone: Zone | null,
  lines: readonly QuoteLine[],
): ShippingQuote[] {
  if (zone === null) return [];
  return profiles
    .flatMap((p) => {
      const q = quoteShipping(p, zone, lines);
      return q ? [q] : [];
    })
    .sort((a, b) => a.costCents - b.costCents || a.maxDays - b.maxDays || a.profileId - b.profileId);
}

/** The chosen option if the store offers it, else the first (cheapest); null when none ships there. */
export function chooseOption<T extends { profileId: number }>(
  options: readonly T[],
  chosenProfileId: number | null | undefined,
): T | null {
  return options.find((o) => o.profileId === chosenProfileId) ?? options[0] ?? null;
}

const DAY_MS = 86_400_000;

/**
 * Estimated arrival: from `minDays` to `maxDays` calendar days after `at` (the injectable clock),
 * as Beijing calendar days (YYYY-MM-DD), the campaign's day.
 */
export function arrivalRange(at: Date, minDays: number, maxDays: number): { from: string; to: string } {
  const day = (n: number) => new Date(at.getTime() + 8 * 3_600_000 + n * DAY_MS).toISOString().slice(0, 10);
  return { from: day(minDays), to: day(maxDays) };
}

/** Checks a zone rate as the owner console submits it; returns an error key or null. */
export function rateProblem(rate: ZoneRate): "shipping.errorAmount" | "shipping.errorDays" | null {
  const cents = [rate.firstCents, rate.additionalCents];
  if (cents.some((c) => !Number.isSafeInteger(c) || c < 0 || c > 100_000)) return "shipping.errorAmount";
  if (!Number.isInteger(rate.minDays) || !Number.isInteger(rate.maxDays)) return "shipping.errorDays";
  if (rate.minDays < 1 || rate.maxDays > 90 || rate.minDays > rate.maxDays) return "shipping.errorDays";
  return null;
}
