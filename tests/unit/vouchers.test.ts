import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allocateProportionally } from "#app/models/vouchers/allocate.ts";
import {
  bestCombination,
  evaluatePick,
  type VoucherLine,
  type VoucherOffer,
  type VoucherPick,
} from "#app/models/vouchers/combine.ts";
import { checkTiers, voucherDiscount, type VoucherRule } from "#app/models/vouchers/rules.ts";

const spend = (...tiers: [number, number][]): VoucherRule => ({
  kind: "spend",
  tiers: tiers.map(([minCents, offCents]) => ({ minCents, offCents })),
});

describe("a voucher's discount", () => {
  test("满减 tiers: the highest tier reached applies; below the first, nothing", () => {
    const rule = spend([20_000, 2_000], [40_000, 5_000]);
    expect(voucherDiscount(rule, 19_999)).toBe(0);
    expect(voucherDiscount(rule, 20_000)).toBe(2_000);
    expect(voucherDiscount(rule, 39_999)).toBe(2_000);
    expect(voucherDiscount(rule, 40_000)).toBe(5_000);
    expect(voucherDiscount(rule, 1_000_000)).toBe(5_000);
  });

  test("a percentage is rounded down to the cent, capped, and needs its minimum spend", () => {
    const rule: VoucherRule = { kind: "percent", percentOff: 15, capCents: 3_000, minCents: 5_000 };
    expect(voucherDiscount(rule, 4_999)).toBe(0);
    expect(voucherDiscount(rule, 5_001)).toBe(750); // 750.15 → 750
    expect(voucherDiscount(rule, 100_000)).toBe(3_000);
    expect(voucherDiscount({ ...rule, capCents: null }, 100_000)).toBe(15_000);
  });

  test("tiers are checked: saving less than the spend, both rising, 1 to 4 of them", () => {
    expect(
      checkTiers([
        { minCents: 40_000, offCents: 5_000 },
        { minCents: 20_000, offCents: 2_000 },
      ]),
    ).toEqual({
      ok: true,
      tiers: [
        { minCents: 20_000, offCents: 2_000 },
        { minCents: 40_000, offCents: 5_000 },
      ],
    });
    expect(checkTiers([])).toEqual({ ok: false, error: "tierEmpty" });
    expect(checkTiers([{ minCents: 1_000, offCents: 1_000 }])).toEqual({ ok: false, error: "tierTooMuch" });
    expect(
      checkTiers([
        { minCents: 20_000, offCents: 2_000 },
        { minCents: 40_000, offCents: 2_000 },
      ]),
    ).toEqual({
      ok: false,
      error: "tierOrder",
    });
  });
});

describe("allocating a discount to lines", () => {
  test("in proportion, largest remainder, ties to the earlier line", () => {
    expect(allocateProportionally(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(allocateProportionally(1_000, [3_000, 7_000])).toEqual([300, 700]);
    expect(allocateProportionally(0, [5, 5])).toEqual([0, 0]);
    expect(() => allocateProportionally(11, [5, 5])).toThrow(RangeError);
  });

  test("property: sums exactly, never negative, never more than a line, proportional within a cent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (amounts, fraction) => {
          const sum = amounts.reduce((n, a) => n + a, 0);
          const total = Math.floor(sum * fraction);
          const shares = allocateProportionally(total, amounts);
          expect(shares.reduce((n, s) => n + s, 0)).toBe(total);
          shares.forEach((s, i) => {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(amounts[i]!);
            if (sum > 0) expect(Math.abs(s - (total * amounts[i]!) / sum)).toBeLessThan(1);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

const FESTIVAL = 7;

function offer(
  voucherId: number,
  scope: "store" | "festival",
  owner: number,
  rule: VoucherRule,
  funder: VoucherOffer["funder"] = scope === "store" ? "store" : "campaign",
): VoucherOffer {
  return {
    voucherId,
    claimId: voucherId * 10,
    scope,
    storeId: scope === "store" ? owner : null,
    festivalId: scope === "festival" ? owner : null,
    rule,
    funder,
  };
}

describe("the best combination", () => {
  const lines: VoucherLine[] = [
    { key: 1, storeId: 1, festivalIds: [FESTIVAL], amountCents: 15_000 },
    { key: 2, storeId: 1, festivalIds: [], amountCents: 10_000 },
    { key: 3, storeId: 2, festivalIds: [FESTIVAL], amountCents: 12_000 },
  ];

  test("one store voucher per store plus one festival voucher, the festival threshold after store vouchers", () => {
    const offers = [
      offer(1, "store", 1, spend([20_000, 2_000])),
      offer(2, "store", 1, spend([10_000, 1_500])),
      offer(3, "store", 2, spend([10_000, 1_000])),
      offer(4, "festival", FESTIVAL, spend([25_000, 3_000], [27_000, 4_000])),
    ];
    const plan = bestCombination(lines, offers);
    // The bigger store-1 voucher (20 off 250) leaves the festival lines at 138 + 120 = 258 → 30 off:
    // 50 in all. The smaller one (15 off) with store 2's (10 off) leaves 141 + 110 = 251, still over
    // the 250 tier → 15 + 10 + 30 = 55: more, so it wins although its store voucher is smaller.
    expect(plan.applied.map((a) => a.voucherId)).toEqual([2, 3, 4]);
    expect(plan.discountCents).toBe(5_500);
    // Store 1's 1,500 over 15,000 and 10,000 (900, 600); the festival's 3,000 over 14,100 and 11,000
    // (1,685.25 and 1,314.74: the larger remainder takes the spare cent).
    expect(plan.byLine.get(1)).toBe(900 + 1_685);
    expect(plan.byLine.get(2)).toBe(600);
    expect(plan.byLine.get(3)).toBe(1_000 + 1_315);
    // With store 1's bigger voucher fixed, store 2's would push the festival lines under 250
    // (138 + 110 = 248): it is left out, as 20 + 30 beats 20 + 10.
    const forced = bestCombination(lines, offers, { stores: new Map([[1, 1]]) });
    expect(forced.applied.map((a) => a.voucherId)).toEqual([1, 4]);
    expect(forced.discountCents).toBe(5_000);
  });

  test("a festival voucher counts only its festival's lines; another festival's is not usable", () => {
    const plan = bestCombination(lines, [offer(5, "festival", 99, spend([100, 50]))]);
    expect(plan.applied).toEqual([]);
    const ours = bestCombination(lines, [
      offer(6, "festival", FESTIVAL, { kind: "percent", percentOff: 10, capCents: null, minCents: 0 }),
    ]);
    expect(ours.discountCents).toBe(2_700);
    expect(ours.byLine.has(2)).toBe(false);
  });

  test("the shopper's choice is kept where valid; the rest is chosen for them", () => {
    const offers = [
      offer(1, "store", 1, spend([20_000, 2_000])),
      offer(2, "store", 1, spend([10_000, 1_500])),
      offer(4, "festival", FESTIVAL, spend([20_000, 1_000])),
    ];
    const chosen = bestCombination(lines, offers, { stores: new Map([[1, 2]]) });
    expect(chosen.applied.map((a) => a.voucherId)).toEqual([2, 4]);
    const none = bestCombination(lines, offers, { stores: new Map([[1, null]]), festival: null });
    expect(none.applied).toEqual([]);
    // A choice that is not valid (another store's voucher) falls back to choosing for them.
    const invalid = bestCombination(lines, offers, { stores: new Map([[1, 999]]) });
    expect(invalid.applied.map((a) => a.voucherId)).toEqual([1, 4]);
  });

  const lineArb = fc.record({
    storeId: fc.integer({ min: 1, max: 3 }),
    inFestival: fc.boolean(),
    amountCents: fc.integer({ min: 1, max: 60_000 }),
  });
  const ruleArb: fc.Arbitrary<VoucherRule> = fc.oneof(
    fc
      .array(
        fc.record({
          minCents: fc.integer({ min: 1_000, max: 80_000 }),
          offCents: fc.integer({ min: 100, max: 20_000 }),
        }),
        {
          minLength: 1,
          maxLength: 3,
        },
      )
      .map((tiers) => ({ kind: "spend" as const, tiers })),
    fc.record({
      kind: fc.constant("percent" as const),
      percentOff: fc.integer({ min: 1, max: 50 }),
      capCents: fc.option(fc.integer({ min: 100, max: 10_000 }), { nil: null }),
      minCents: fc.integer({ min: 0, max: 40_000 }),
    }),
  );
  const offerArb = fc.record({
    scope: fc.constantFrom("store" as const, "festival" as const),
    owner: fc.integer({ min: 1, max: 3 }),
    rule: ruleArb,
  });

  /** Every pick: none or any of each store's offers, none or any festival offer. */
  function allPicks(storeIds: number[], offers: VoucherOffer[]): VoucherPick[] {
    let picks: Map<number, number | null>[] = [new Map()];
    for (const storeId of storeIds) {
      const options = [
        null,
        ...offers.filter((o) => o.scope === "store" && o.storeId === storeId).map((o) => o.voucherId),
      ];
      picks = picks.flatMap((p) => options.map((o) => new Map([...p, [storeId, o]])));
    }
    const festivals = [null, ...offers.filter((o) => o.scope === "festival").map((o) => o.voucherId)];
    return picks.flatMap((stores) => festivals.map((festival) => ({ stores, festival })));
  }

  test("property: never worse than any valid alternative (brute force), and its allocation is sound", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 5 }),
        fc.array(offerArb, { minLength: 0, maxLength: 6 }),
        (rawLines, rawOffers) => {
          const lines: VoucherLine[] = rawLines.map((l, i) => ({
            key: i,
            storeId: l.storeId,
            festivalIds: l.inFestival ? [FESTIVAL] : [],
            amountCents: l.amountCents,
          }));
          const offers = rawOffers.map((o, i) =>
            offer(i + 1, o.scope, o.scope === "festival" ? FESTIVAL : o.owner, o.rule),
          );
          const best = bestCombination(lines, offers);
          const storeIds = [...new Set(lines.map((l) => l.storeId))];
          for (const pick of allPicks(storeIds, offers)) {
            const alternative = evaluatePick(lines, offers, pick);
            if (alternative) expect(best.discountCents).toBeGreaterThanOrEqual(alternative.discountCents);
          }
          // At most one store voucher per store, at most one festival voucher.
          const stores = best.applied.filter((a) => a.scope === "store").map((a) => a.storeId);
          expect(new Set(stores).size).toBe(stores.length);
          expect(best.applied.filter((a) => a.scope === "festival").length).toBeLessThanOrEqual(1);
          // Allocations sum to each discount, and no line loses more than its amount.
          for (const a of best.applied) expect(a.allocation.reduce((n, x) => n + x.cents, 0)).toBe(a.discountCents);
          for (const line of lines) {
            const off = best.byLine.get(line.key) ?? 0;
            expect(off).toBeGreaterThanOrEqual(0);
            expect(off).toBeLessThanOrEqual(line.amountCents);
          }
          expect([...best.byLine.values()].reduce((n, c) => n + c, 0)).toBe(best.discountCents);
        },
      ),
      { numRuns: 400 },
    );
  });
});
