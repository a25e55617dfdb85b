import type { VoucherTier } from "#db/schema/vouchers.ts";

/** A voucher's rule, as the pure functions see it. */
export type VoucherRule =
  | { kind: "spend"; tiers: readonly VoucherTier[] }
  | { kind: "percent"; percentOff: number; capCents: number | null; minCents: number };

/**
 * What a voucher takes off `amountCents` of eligible goods: the highest 满减 tier reached, or the
 * percentage (rounded down to the cent) up to its cap once the minimum spend is reached. Never more
 * than the amount itself; 0 when the threshold is not reached.
 */
export function voucherDiscount(rule: VoucherRule, amountCents: number): number {
  if (amountCents <= 0) return 0;
  if (rule.kind === "spend") {
    let best = 0;
    for (const tier of rule.tiers) if (amountCents >= tier.minCents && tier.offCents > best) best = tier.offCents;
    return Math.min(best, amountCents);
  }
  if (amountCents < rule.minCents) return 0;
  const off = Math.floor((amountCents * rule.percentOff) / 100);
  return Math.min(rule.capCents === null ? off : Math.min(off, rule.capCents), amountCents);
}

/** The least a shopper must spend for the voucher to take anything off. */
export function voucherThreshold(rule: VoucherRule): number {
  if (rule.kind === "percent") return Math.max(rule.minCents, 1);
  return rule.tiers.length === 0 ? Infinity : Math.min(...rule.tiers.map((t) => t.minCents));
}

/** For "spend more" hints: the next tier above `amountCents`, if any. */
export function nextTier(rule: VoucherRule, amountCents: number): VoucherTier | null {
  if (rule.kind !== "spend") return amountCents < rule.minCents ? { minCents: rule.minCents, offCents: 0 } : null;
  const above = rule.tiers.filter((t) => t.minCents > amountCents).sort((a, b) => a.minCents - b.minCents);
  return above[0] ?? null;
}

export type TierProblem = "tierEmpty" | "tierOrder" | "tierTooMuch" | "tierTooMany";

/**
 * Tiers as an issuer typed them: 1 to 4, each saving something and less than it asks to spend, and
 * both rising from one tier to the next. Returns them sorted, or the problem.
 */
export function checkTiers(
  tiers: readonly VoucherTier[],
): { ok: true; tiers: VoucherTier[] } | { ok: false; error: TierProblem } {
  if (tiers.length === 0) return { ok: false, error: "tierEmpty" };
  if (tiers.length > 4) return { ok: false, error: "tierTooMany" };
  const sorted = [...tiers].sort((a, b) => a.minCents - b.minCents);
  for (const [i, tier] of sorted.entries()) {
    if (!Number.isSafeInteger(tier.minCents) || !Number.isSafeInteger(tier.offCents) || tier.offCents <= 0)
      return { ok: false, error: "tierEmpty" };
    if (tier.offCents >= tier.minCents) return { ok: false, error: "tierTooMuch" };
    const before = sorted[i - 1];
    if (before && (tier.minCents <= before.minCents || tier.offCents <= before.offCents))
      return { ok: false, error: "tierOrder" };
  }
  return { ok: true, tiers: sorted };
}
