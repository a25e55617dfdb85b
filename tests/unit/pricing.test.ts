import { describe, expect, test } from "vitest";
import {
  bestDeal,
  dealApplies,
  dealPercentOff,
  dealPriceFor,
  effectivePrice,
  festivalStatus,
  percentOff,
  type DealTerms,
} from "#db/pricing.ts";

const START = new Date("2026-12-01T02:00:00.000Z");
const END = new Date("2026-12-11T16:00:00.000Z");
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

function deal(overrides: Partial<DealTerms> = {}): DealTerms {
  return {
    festivalId: 1,
    published: true,
    startsAt: START,
    endsAt: END,
    dealPriceCents: 1299,
    discountPercent: null,
    dealStock: null,
    soldCount: 0,
    reservedCount: 0,
    ...overrides,
  };
}

describe("festival status", () => {
  test("is decided at the exact boundaries: live from the start (inclusive) to the end (exclusive)", () => {
    expect(festivalStatus({ startsAt: START, endsAt: END }, ms(START, -1))).toBe("upcoming");
    expect(festivalStatus({ startsAt: START, endsAt: END }, START)).toBe("live");
    expect(festivalStatus({ startsAt: START, endsAt: END }, ms(END, -1))).toBe("live");
    expect(festivalStatus({ startsAt: START, endsAt: END }, END)).toBe("ended");
  });
});

describe("deal prices", () => {
  test("apply only while live: not a millisecond before the start, not at the end", () => {
    expect(dealApplies(1999, deal(), ms(START, -1))).toBe(false);
    expect(dealApplies(1999, deal(), START)).toBe(true);
    expect(dealApplies(1999, deal(), ms(END, -1))).toBe(true);
    expect(dealApplies(1999, deal(), END)).toBe(false);
    expect(bestDeal(1999, [deal()], END)).toBeNull();
  });

  test("do not apply for an unpublished festival", () => {
    expect(dealApplies(1999, deal({ published: false }), START)).toBe(false);
  });

  test("stop applying when the deal stock cap is reached", () => {
    expect(dealApplies(1999, deal({ dealStock: 5, soldCount: 4 }), START)).toBe(true);
    expect(dealApplies(1999, deal({ dealStock: 5, soldCount: 5 }), START)).toBe(false);
    expect(dealApplies(1999, deal({ dealStock: 5, soldCount: 9 }), START)).toBe(false);
  });

  test("a percentage follows the regular price and rounds to the cent", () => {
    expect(dealPriceFor(1999, { dealPriceCents: null, discountPercent: 15 })).toBe(1699); // 1699.15
    expect(dealPriceFor(1000, { dealPriceCents: null, discountPercent: 33 })).toBe(670);
    expect(dealPriceFor(1999, { dealPriceCents: 1500, discountPercent: null })).toBe(1500);
  });

  test("a fixed price that is not below the regular price (the price was lowered since) is no deal", () => {
    expect(dealApplies(1299, deal({ dealPriceCents: 1299 }), START)).toBe(false);
    expect(dealApplies(1000, deal({ dealPriceCents: 1299 }), START)).toBe(false);
    expect(dealApplies(1299, deal({ dealPriceCents: 0 }), START)).toBe(false);
  });

  test("two overlapping live festivals: the lower price wins, whichever order they come in", () => {
    const a = deal({ festivalId: 1, dealPriceCents: 1599 });
    const b = deal({
      festivalId: 2,
      dealPriceCents: null,
      discountPercent: 30,
      startsAt: ms(START, -86_400_000),
      endsAt: ms(END, 86_400_000),
    });
    expect(bestDeal(1999, [a, b], START)).toMatchObject({ priceCents: 1399, percentOff: 30, deal: { festivalId: 2 } });
    expect(bestDeal(1999, [b, a], START)).toMatchObject({ priceCents: 1399, deal: { festivalId: 2 } });
    // Once the better one is capped out, the other applies.
    expect(bestDeal(1999, [a, { ...b, dealStock: 1, soldCount: 1 }], START)).toMatchObject({
      priceCents: 1599,
      deal: { festivalId: 1 },
    });
    // After the first festival ends, only the second (still live) applies.
    expect(bestDeal(1999, [a, b], END)).toMatchObject({ deal: { festivalId: 2 } });
  });

  test("percent off is rounded down so a label never overstates the saving", () => {
    expect(percentOff(1999, 1699)).toBe(15);
    expect(percentOff(3000, 2001)).toBe(33);
    expect(percentOff(0, 0)).toBe(0);
  });
});

describe("the effective price search sorts by", () => {
  test("is the live deal's price and saving, else the regular price with no saving", () => {
    const upcoming = deal({ startsAt: ms(END, 1), endsAt: ms(END, 86_400_000) });
    expect(effectivePrice(1999, [], START)).toEqual({ priceCents: 1999, discountPercent: 0 });
    expect(effectivePrice(1999, [deal()], ms(START, -1))).toEqual({ priceCents: 1999, discountPercent: 0 });
    expect(effectivePrice(1999, [deal()], START)).toEqual({ priceCents: 1299, discountPercent: 35 });
    expect(effectivePrice(1999, [deal()], END)).toEqual({ priceCents: 1999, discountPercent: 0 });
    // An upcoming festival's deal, an unpublished one and a capped-out one change nothing.
    expect(effectivePrice(1999, [upcoming], START)).toEqual({ priceCents: 1999, discountPercent: 0 });
    expect(effectivePrice(1999, [deal({ published: false })], START)).toEqual({ priceCents: 1999, discountPercent: 0 });
    expect(effectivePrice(1999, [deal({ dealStock: 2, soldCount: 2 })], START)).toEqual({
      priceCents: 1999,
      discountPercent: 0,
    });
    // Two live deals: the lower price, and the saving behind it.
    expect(effectivePrice(1999, [deal(), deal({ festivalId: 2, dealPriceCents: 999 })], START)).toEqual({
      priceCents: 999,
      discountPercent: 50,
    });
  });
});

describe("the saving a deal's label shows", () => {
  test("a percent-off deal shows the percentage that was set, even where the rounded cents say less", () => {
    // 25 % off $10.01 is $7.5075, charged $7.51: a saving of 24.98 % in cents.
    expect(dealPriceFor(1001, { dealPriceCents: null, discountPercent: 25 })).toBe(751);
    expect(percentOff(1001, 751)).toBe(24);
    expect(dealPercentOff(1001, { dealPriceCents: null, discountPercent: 25 })).toBe(25);
    const quarter = deal({ dealPriceCents: null, discountPercent: 25 });
    expect(bestDeal(1001, [quarter], START)).toMatchObject({ priceCents: 751, percentOff: 25 });
    // What search indexes for "biggest discount" is the same number.
    expect(effectivePrice(1001, [quarter], START)).toEqual({ priceCents: 751, discountPercent: 25 });
  });

  test("a fixed festival price shows its saving rounded down", () => {
    expect(dealPercentOff(1999, { dealPriceCents: 1699, discountPercent: null })).toBe(15);
    expect(dealPercentOff(3000, { dealPriceCents: 2001, discountPercent: null })).toBe(33);
  });
});
