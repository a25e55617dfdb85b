import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fenToUsdCents, parseRate, usdCentsToFen } from "#app/models/shipping/fx.ts";
import {
  allocate,
  ANNUAL_LIMIT_FEN,
  crossBorderTax,
  partTax,
  PER_TRANSACTION_LIMIT_FEN,
} from "#app/models/shipping/tax.ts";

describe("worked examples, one per rate class (CNY 1,000.00 dutiable)", () => {
  test("general goods, VAT 13 %, no consumption tax: 1000 × 13 % × 70 % = 91.00", () => {
    expect(partTax({ dutiableFen: 100_000, vatBp: 1300, consumptionBp: 0 })).toEqual({
      consumptionFen: 0,
      vatFen: 9_100,
    });
  });
  test("agricultural goods, VAT 9 %: 1000 × 9 % × 70 % = 63.00", () => {
    expect(partTax({ dutiableFen: 100_000, vatBp: 900, consumptionBp: 0 })).toEqual({
      consumptionFen: 0,
      vatFen: 6_300,
    });
  });
  test("cosmetics, VAT 13 % and consumption tax 15 %: composite price 1000 / 0.85 = 1176.47", () => {
    // CT = 1176.4706 × 15 % × 70 % = 123.53; VAT = 1176.4706 × 13 % × 70 % = 107.06.
    expect(partTax({ dutiableFen: 100_000, vatBp: 1300, consumptionBp: 1500 })).toEqual({
      consumptionFen: 12_353,
      vatFen: 10_706,
    });
  });
  test("wine and jewellery, VAT 13 % and consumption tax 10 %: composite price 1000 / 0.9", () => {
    // CT = 1111.111 × 10 % × 70 % = 77.78; VAT = 1111.111 × 13 % × 70 % = 101.11.
    expect(partTax({ dutiableFen: 100_000, vatBp: 1300, consumptionBp: 1000 })).toEqual({
      consumptionFen: 7_778,
      vatFen: 10_111,
    });
  });
  test("the comprehensive rate matches (c + v) / (1 − c) × 70 %", () => {
    const t = partTax({ dutiableFen: 1_000_000, vatBp: 1300, consumptionBp: 1500 });
    expect((t.consumptionFen + t.vatFen) / 1_000_000).toBeCloseTo(((0.15 + 0.13) / 0.85) * 0.7, 6);
  });
});

describe("limits", () => {
  const general = { vatBp: 1300, consumptionBp: 0 };
  test("exactly CNY 5,000.00 in one transaction is allowed", () => {
    const r = crossBorderTax([{ ...general, dutiableFen: PER_TRANSACTION_LIMIT_FEN }]);
    expect(r).toEqual({ ok: true, dutiableFen: 500_000, consumptionFen: 0, vatFen: 45_500, taxFen: 45_500 });
  });
  test("one fen over CNY 5,000 is refused", () => {
    const r = crossBorderTax([
      { ...general, dutiableFen: 300_000 },
      { ...general, dutiableFen: 200_001 },
    ]);
    expect(r).toMatchObject({ ok: false, error: "perTransactionLimit", dutiableFen: 500_001 });
  });
  test("the year reaches exactly CNY 26,000.00, and not a fen further", () => {
    expect(crossBorderTax([{ ...general, dutiableFen: 100_000 }], ANNUAL_LIMIT_FEN - 100_000).ok).toBe(true);
    expect(crossBorderTax([{ ...general, dutiableFen: 100_001 }], ANNUAL_LIMIT_FEN - 100_000)).toMatchObject({
      ok: false,
      error: "annualLimit",
      remainingFen: 100_000,
    });
  });
  test("the transaction limit is told before the annual one", () => {
    expect(crossBorderTax([{ ...general, dutiableFen: 600_000 }], ANNUAL_LIMIT_FEN)).toMatchObject({
      error: "perTransactionLimit",
    });
  });
});

describe("money plumbing", () => {
  test("USD cents to fen and back at 7.12", () => {
    expect(usdCentsToFen(100, 7_120_000)).toBe(712);
    expect(usdCentsToFen(1, 7_125_000)).toBe(7); // 7.125 rounds half up
    expect(fenToUsdCents(712, 7_120_000)).toBe(100);
    expect(fenToUsdCents(9_100, 7_120_000)).toBe(1278); // 91.00 CNY ≈ $12.78
  });
  test("rates are parsed strictly", () => {
    expect(parseRate("7.1234")).toBe(7_123_400);
    expect(parseRate("7,12")).toBe(7_120_000);
    expect(parseRate("0")).toBeNull();
    expect(parseRate("abc")).toBeNull();
    expect(parseRate("7.1234567")).toBeNull();
    expect(parseRate("1000")).toBeNull();
  });
  test("allocation adds up exactly and never goes negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.nat(100_000), { minLength: 1, maxLength: 10 }),
        (total, weights) => {
          const shares = allocate(total, weights);
          expect(shares.reduce((n, s) => n + s, 0)).toBe(total);
          expect(shares.every((s) => s >= 0)).toBe(true);
        },
      ),
    );
  });
  test("the tax is the sum of its parts and below the statutory amount", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dutiableFen: fc.integer({ min: 0, max: 200_000 }),
            vatBp: fc.constantFrom(900, 1300),
            consumptionBp: fc.constantFrom(0, 1000, 1500),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (parts) => {
          const r = crossBorderTax(parts);
          if (!r.ok) {
            expect(r.dutiableFen).toBeGreaterThan(PER_TRANSACTION_LIMIT_FEN);
            return;
          }
          expect(r.taxFen).toBe(r.consumptionFen + r.vatFen);
          const statutory = parts.reduce(
            (n, p) => n + (p.dutiableFen * (p.vatBp + p.consumptionBp)) / (10_000 - p.consumptionBp),
            0,
          );
          expect(r.taxFen).toBeLessThanOrEqual(Math.ceil(statutory * 0.7) + parts.length);
        },
      ),
    );
  });
});
