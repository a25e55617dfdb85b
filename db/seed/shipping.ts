/**
 * Seeded shipping, tax classes and the first USD → CNY rate (issue #15). Deterministic, drawing on
 * no random stream, so the catalog the other seeds make is unchanged.
 */
import type { ShippingZoneRate } from "../schema/shipping.ts";

/** A unit's packed weight: the net weight a variant names (250 g, 750 ml) plus packing, else by category. */
export function shippingGrams(category: string, variantKey: string): number {
  const g = /^(\d+)g$/.exec(variantKey);
  if (g) return Math.round((Number(g[1]) * 1.15 + 80) / 10) * 10;
  const ml = /^(\d+)ml$/.exec(variantKey);
  // Liquids: the contents plus a glass bottle and a padded box.
  if (ml) return Math.round((Number(ml[1]) + (Number(ml[1]) >= 500 ? 650 : 180)) / 10) * 10;
  return CATEGORY_GRAMS[category] ?? 500;
}

const CATEGORY_GRAMS: Record<string, number> = {
  textiles: 600,
  "crafts-home-decor": 1200,
  jewellery: 150,
  "leather-goods": 900,
  "natural-cosmetics": 250,
};

const rate = (firstCents: number, additionalCents: number, minDays: number, maxDays: number): ShippingZoneRate => ({
  firstCents,
  additionalCents,
  minDays,
  maxDays,
});

/** Postal / EMS from Africa: by item, 10–25 days (regional parcels are quicker). */
const POSTAL: Record<string, ShippingZoneRate> = {
  cn: rate(990, 300, 12, 25),
  hkmotw: rate(1090, 300, 12, 25),
  asia: rate(1190, 350, 12, 25),
  europe: rate(1290, 400, 10, 20),
  africa: rate(590, 200, 5, 12),
  americas: rate(1490, 450, 14, 25),
  oceania: rate(1590, 450, 15, 25),
};

/** Express couriers (DHL, EMS Express): by weight, first 500 g then each further 500 g, 4–8 days. */
const EXPRESS: Record<string, ShippingZoneRate> = {
  cn: rate(2490, 900, 4, 7),
  hkmotw: rate(2290, 800, 4, 7),
  asia: rate(2690, 950, 5, 8),
  europe: rate(2890, 1000, 4, 7),
  africa: rate(1690, 600, 2, 5),
  americas: rate(3290, 1100, 5, 8),
  oceania: rate(3490, 1200, 6, 8),
};

export interface ProfileSeed {
  method: "postal" | "express";
  pricing: "item" | "weight";
  freeOverCents: number | null;
  rates: Record<string, ShippingZoneRate>;
}

const without = (rates: Record<string, ShippingZoneRate>, zones: string[]) =>
  Object.fromEntries(Object.entries(rates).filter(([zone]) => !zones.includes(zone)));

/**
 * A store's profiles: every store posts (free over $59–$149 for most), two in three also offer
 * express; some small stores do not post to the Americas and Oceania, and a few send no express
 * parcels to mainland China (their courier has no clearance agreement there).
 */
export function profilesFor(storeIndex: number, leadingCategory: string): ProfileSeed[] {
  const pricey = ["jewellery", "leather-goods", "crafts-home-decor", "textiles"].includes(leadingCategory);
  const free = [5900, 7900, null, 9900, 14900][storeIndex % 5]!;
  const postal: ProfileSeed = {
    method: "postal",
    pricing: "item",
    freeOverCents: free === null ? null : pricey ? free + 5000 : free,
    rates: storeIndex % 7 === 3 ? without(POSTAL, ["americas", "oceania"]) : POSTAL,
  };
  if (storeIndex % 3 === 2) return [postal];
  const express: ProfileSeed = {
    method: "express",
    pricing: "weight",
    freeOverCents: null,
    rates: storeIndex % 11 === 5 ? without(EXPRESS, ["cn"]) : EXPRESS,
  };
  return [postal, express];
}

/** Tax classes for the cross-border import tax (decision 025): VAT and consumption tax in basis points. */
export const TAX_CLASSES = [
  {
    code: "general",
    nameEn: "General goods",
    nameZh: "一般商品",
    nameFr: "Marchandises générales",
    vatBp: 1300,
    consumptionBp: 0,
  },
  {
    code: "agricultural",
    nameEn: "Agricultural products and edible oils",
    nameZh: "农产品及食用植物油",
    nameFr: "Produits agricoles et huiles alimentaires",
    vatBp: 900,
    consumptionBp: 0,
  },
  {
    code: "wine",
    nameEn: "Wine and other alcohol",
    nameZh: "葡萄酒及其他酒",
    nameFr: "Vins et alcools",
    vatBp: 1300,
    consumptionBp: 1000,
  },
  {
    code: "cosmetics",
    nameEn: "High-end cosmetics",
    nameZh: "高档化妆品",
    nameFr: "Cosmétiques haut de gamme",
    vatBp: 1300,
    consumptionBp: 1500,
  },
  {
    code: "jewellery",
    nameEn: "Precious jewellery and jade",
    nameZh: "贵重首饰及珠宝玉石",
    nameFr: "Bijoux précieux et jade",
    vatBp: 1300,
    consumptionBp: 1000,
  },
] as const;

/**
 * Product category → tax class; categories not listed are general goods. The campaign's natural
 * cosmetics (shea butter, black soap) are not "high-end" (CNY 10/ml or more), so they stay general;
 * organizers can move a category to another class under /admin/tax.
 */
export const CATEGORY_TAX_CLASS: Record<string, (typeof TAX_CLASSES)[number]["code"]> = {
  "tea-infusions": "agricultural",
  "nuts-dried-fruit": "agricultural",
  "oils-butters": "agricultural",
  spices: "agricultural",
  "wine-beverages": "wine",
  jewellery: "jewellery",
};

/** The first USD → CNY rate (× 1,000,000) and when it was taken. */
export const SEED_RATE = { rateMicros: 7_118_600, asOf: new Date("2026-11-27T08:00:00Z") };
