/**
 * Estimated China cross-border e-commerce retail import tax (跨境电子商务零售进口税收), pure and in
 * integer fen (CNY minor units). Rules (decision 025):
 * - 财关税〔2016〕18号 (from 2016-04-08) set up the regime; 财关税〔2018〕49号 (from 2019-01-01)
 *   raised the limits to CNY 5,000 per transaction and CNY 26,000 a year per person.
 * - Within the limits the tariff is 0, and import VAT and consumption tax are levied at 70 % of the
 *   statutory amounts.
 * - Consumption tax is ad valorem on the composite assessable price: P × c / (1 − c); VAT on
 *   (P + consumption tax) × v, so VAT = P × v / (1 − c).
 * - P, the dutiable price, is the actual transaction price: goods after discounts, plus shipping.
 * - VAT rates 13 % and 9 % since 2019-04-01 (财政部 税务总局 海关总署公告2019年第39号).
 */
export const PER_TRANSACTION_LIMIT_FEN = 500_000; // CNY 5,000
export const ANNUAL_LIMIT_FEN = 2_600_000; // CNY 26,000
/** The share of the statutory VAT and consumption tax levied within the limits: 70 %, as 7/10. */
const SHARE_NUM = 7;
const SHARE_DEN = 10;

/** Rates in basis points: 1300 = 13 %. */
export interface TaxRates {
  vatBp: number;
  consumptionBp: number;
}

export interface TaxedPart extends TaxRates {
  /** Dutiable price of this part in fen (goods after discounts plus its share of shipping). */
  dutiableFen: number;
}

/** n / d rounded half up, for non-negative n and positive d, exactly in integers. */
function roundDiv(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

/** The estimated tax on one part at one rate class: consumption tax and VAT in fen, each at 70 %. */
export function partTax(part: TaxedPart): { consumptionFen: number; vatFen: number } {
  const { dutiableFen: p, vatBp: v, consumptionBp: c } = part;
  const denominator = SHARE_DEN * (10_000 - c);
  return {
    consumptionFen: roundDiv(SHARE_NUM * p * c, denominator),
    vatFen: roundDiv(SHARE_NUM * p * v, denominator),
  };
}

export type TaxResult =
  | { ok: true; dutiableFen: number; consumptionFen: number; vatFen: number; taxFen: number }
  | { ok: false; error: "perTransactionLimit" | "annualLimit"; dutiableFen: number; remainingFen: number };

/**
 * The tax on one transaction to mainland China: every part taxed at its class, summed; refused
 * above CNY 5,000 for the transaction or when it would take the person's year above CNY 26,000
 * (`usedThisYearFen`: what their earlier transactions this calendar year declared).
 */
export function crossBorderTax(parts: readonly TaxedPart[], usedThisYearFen = 0): TaxResult {
  const dutiableFen = parts.reduce((n, p) => n + p.dutiableFen, 0);
  if (dutiableFen > PER_TRANSACTION_LIMIT_FEN)
    return { ok: false, error: "perTransactionLimit", dutiableFen, remainingFen: PER_TRANSACTION_LIMIT_FEN };
  if (usedThisYearFen + dutiableFen > ANNUAL_LIMIT_FEN)
    return {
      ok: false,
      error: "annualLimit",
      dutiableFen,
      remainingFen: Math.max(0, ANNUAL_LIMIT_FEN - usedThisYearFen),
    };
  let consumptionFen = 0;
  let vatFen = 0;
  for (const part of parts) {
    const t = partTax(part);
    consumptionFen += t.consumptionFen;
    vatFen += t.vatFen;
  }
  return { ok: true, dutiableFen, consumptionFen, vatFen, taxFen: consumptionFen + vatFen };
}

/**
 * Splits `total` over `weights` in proportion, in integers that add up to `total` exactly
 * (largest remainder; ties to the earlier weight). All weights 0: the first takes it all.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((n, w) => n + w, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - shares.reduce((n, s) => n + s, 0);
  const order = weights.map((w, i) => ({ i, rem: (total * w) % sum })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}
