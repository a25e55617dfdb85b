import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { splitDealQuantity } from "#db/pricing.ts";

const noLimit = { capLeft: Infinity, perShopperLimit: null, alreadyBought: 0 };

describe("splitting a quantity between the deal price and the regular price", () => {
  test("everything at the deal price while the cap and the limit cover it", () => {
    expect(splitDealQuantity(5, noLimit)).toEqual({ dealUnits: 5, regularUnits: 0, limitedBy: null });
    expect(splitDealQuantity(3, { capLeft: 3, perShopperLimit: 3, alreadyBought: 0 })).toEqual({
      dealUnits: 3,
      regularUnits: 0,
      limitedBy: null,
    });
  });

  test("the cap: 3 left at the deal price, 5 asked for → 3 at the deal price, 2 at the regular price", () => {
    expect(splitDealQuantity(5, { ...noLimit, capLeft: 3 })).toEqual({
      dealUnits: 3,
      regularUnits: 2,
      limitedBy: "cap",
    });
  });

  test("the per-shopper limit, less what the shopper already bought", () => {
    expect(splitDealQuantity(5, { ...noLimit, perShopperLimit: 2 })).toEqual({
      dealUnits: 2,
      regularUnits: 3,
      limitedBy: "shopper",
    });
    expect(splitDealQuantity(2, { ...noLimit, perShopperLimit: 2, alreadyBought: 1 })).toEqual({
      dealUnits: 1,
      regularUnits: 1,
      limitedBy: "shopper",
    });
    // Bought more than the limit (the limit was lowered since): nothing more at the deal price, never negative.
    expect(splitDealQuantity(2, { ...noLimit, perShopperLimit: 2, alreadyBought: 5 })).toEqual({
      dealUnits: 0,
      regularUnits: 2,
      limitedBy: "shopper",
    });
  });

  test("the tighter of the two names the reason", () => {
    expect(splitDealQuantity(5, { capLeft: 1, perShopperLimit: 2, alreadyBought: 0 }).limitedBy).toBe("cap");
    expect(splitDealQuantity(5, { capLeft: 4, perShopperLimit: 2, alreadyBought: 0 }).limitedBy).toBe("shopper");
    expect(splitDealQuantity(5, { capLeft: 0, perShopperLimit: 2, alreadyBought: 0 })).toMatchObject({
      dealUnits: 0,
      regularUnits: 5,
    });
  });

  test("property: deal + regular = requested; deal units within the cap left and the limit left; none negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.oneof(fc.constant(Infinity), fc.integer({ min: -5, max: 200 })),
        fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        fc.integer({ min: 0, max: 300 }),
        (requested, capLeft, perShopperLimit, alreadyBought) => {
          const split = splitDealQuantity(requested, { capLeft, perShopperLimit, alreadyBought });
          expect(split.dealUnits + split.regularUnits).toBe(requested);
          expect(split.dealUnits).toBeGreaterThanOrEqual(0);
          expect(split.regularUnits).toBeGreaterThanOrEqual(0);
          expect(split.dealUnits).toBeLessThanOrEqual(Math.max(0, capLeft));
          if (perShopperLimit !== null)
            expect(split.dealUnits).toBeLessThanOrEqual(Math.max(0, perShopperLimit - alreadyBought));
          // As many at the deal price as both allow: no unit is charged the regular price needlessly.
          const allowed = Math.min(
            requested,
            Math.max(0, capLeft),
            perShopperLimit === null ? Infinity : Math.max(0, perShopperLimit - alreadyBought),
          );
          expect(split.dealUnits).toBe(allowed);
          expect(split.limitedBy === null).toBe(split.regularUnits === 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
