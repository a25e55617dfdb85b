import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  arrivalRange,
  chooseOption,
  quoteShipping,
  shippingOptions,
  type QuoteLine,
  type ShippingProfileRule,
} from "#app/models/shipping/quote.ts";
import { destinationCode, zoneOf, ZONES } from "#app/models/shipping/zones.ts";

describe("zones", () => {
  test("mainland China and Hong Kong / Macau / Taiwan are zones of their own", () => {
    expect(zoneOf("CN")).toBe("cn");
    for (const code of ["HK", "MO", "TW"]) expect(zoneOf(code)).toBe("hkmotw");
  });
  test("other countries go by their continent", () => {
    expect(zoneOf("JP")).toBe("asia");
    expect(zoneOf("SG")).toBe("asia");
    expect(zoneOf("FR")).toBe("europe");
    expect(zoneOf("DE")).toBe("europe");
    expect(zoneOf("NG")).toBe("africa");
    expect(zoneOf("KE")).toBe("africa");
    expect(zoneOf("US")).toBe("americas");
    expect(zoneOf("BR")).toBe("americas");
    expect(zoneOf("AU")).toBe("oceania");
    expect(zoneOf("nz")).toBe("oceania");
  });
  test("unknown codes and Antarctica have no zone", () => {
    expect(zoneOf("XX")).toBeNull();
    expect(zoneOf("AQ")).toBeNull();
    expect(zoneOf("")).toBeNull();
    expect(zoneOf("China")).toBeNull();
  });
  test("the current free-text country field resolves to a code", () => {
    expect(destinationCode("CN")).toBe("CN");
    expect(destinationCode("cn")).toBe("CN");
    expect(destinationCode("中国")).toBe("CN");
    expect(destinationCode("China")).toBe("CN");
    expect(destinationCode("Nigeria")).toBe("NG");
    expect(destinationCode("Chine")).toBe("CN");
    expect(destinationCode("Côte d'Ivoire")).toBe("CI");
    expect(destinationCode("Atlantis")).toBeNull();
  });
  test("every zone has countries", () => {
    const codes = ["CN", "HK", "JP", "FR", "NG", "US", "AU"];
    expect(new Set(codes.map(zoneOf))).toEqual(new Set(ZONES));
  });
});

const rate = { firstCents: 1200, additionalCents: 400, minDays: 10, maxDays: 25 };
const postal: ShippingProfileRule = {
  id: 1,
  method: "postal",
  pricing: "item",
  freeOverCents: 8000,
  rates: { cn: rate, europe: { ...rate, firstCents: 1500 } },
};
const express: ShippingProfileRule = {
  id: 2,
  method: "express",
  pricing: "weight",
  freeOverCents: null,
  rates: { cn: { firstCents: 2500, additionalCents: 800, minDays: 4, maxDays: 8 } },
};
const line = (quantity: number, unitCents: number, unitGrams = 500): QuoteLine => ({
  quantity,
  lineCents: quantity * unitCents,
  unitGrams,
});

describe("quotes", () => {
  test("by item: the first item, then each additional", () => {
    expect(quoteShipping(postal, "cn", [line(1, 1000)])?.costCents).toBe(1200);
    expect(quoteShipping(postal, "cn", [line(2, 1000), line(1, 500)])?.costCents).toBe(1200 + 2 * 400);
  });
  test("by weight: the first 500 g, then each further 500 g started", () => {
    expect(quoteShipping(express, "cn", [line(1, 1000, 250)])?.costCents).toBe(2500);
    expect(quoteShipping(express, "cn", [line(2, 1000, 250)])?.costCents).toBe(2500);
    expect(quoteShipping(express, "cn", [line(3, 1000, 250)])?.costCents).toBe(2500 + 800);
    expect(quoteShipping(express, "cn", [line(1, 1000, 1200)])?.costCents).toBe(2500 + 2 * 800);
  });
  test("free at the threshold, not a cent below", () => {
    expect(quoteShipping(postal, "cn", [line(1, 7999)])).toMatchObject({ costCents: 1200, free: false });
    expect(quoteShipping(postal, "cn", [line(1, 8000)])).toMatchObject({ costCents: 0, free: true });
    expect(quoteShipping(postal, "cn", [line(2, 4000)])).toMatchObject({ costCents: 0, free: true });
  });
  test("a zone left out is not shipped to", () => {
    expect(quoteShipping(postal, "africa", [line(1, 1000)])).toBeNull();
    expect(shippingOptions([postal, express], "europe", [line(1, 1000)]).map((o) => o.method)).toEqual(["postal"]);
    expect(shippingOptions([postal, express], "oceania", [line(1, 1000)])).toEqual([]);
    expect(shippingOptions([postal, express], null, [line(1, 1000)])).toEqual([]);
  });
  test("options cheapest first; the shopper's choice kept if offered", () => {
    const options = shippingOptions([express, postal], "cn", [line(1, 1000)]);
    expect(options.map((o) => o.method)).toEqual(["postal", "express"]);
    expect(chooseOption(options, 2)?.method).toBe("express");
    expect(chooseOption(options, 99)?.method).toBe("postal");
    expect(chooseOption([], 1)).toBeNull();
  });
  test("arrival dates are Beijing calendar days from the clock", () => {
    // 20:00 UTC is already the next day in Beijing.
    expect(arrivalRange(new Date("2026-11-30T20:00:00Z"), 4, 8)).toEqual({ from: "2026-12-05", to: "2026-12-09" });
    expect(arrivalRange(new Date("2026-11-30T10:00:00Z"), 10, 25)).toEqual({ from: "2026-12-10", to: "2026-12-25" });
  });

  const lines = fc.array(
    fc.record({
      quantity: fc.integer({ min: 1, max: 99 }),
      lineCents: fc.integer({ min: 0, max: 500_000 }),
      unitGrams: fc.integer({ min: 0, max: 20_000 }),
    }),
    { minLength: 1, maxLength: 8 },
  );
  test("a quote is never negative, and adding a line never makes it cheaper unless it crosses the threshold", () => {
    fc.assert(
      fc.property(lines, fc.constantFrom(postal, express), (ls, profile) => {
        const before = quoteShipping(profile, "cn", ls)!;
        const after = quoteShipping(profile, "cn", [...ls, { quantity: 1, lineCents: 0, unitGrams: 300 }])!;
        expect(before.costCents).toBeGreaterThanOrEqual(0);
        expect(after.costCents).toBeGreaterThanOrEqual(before.costCents);
      }),
    );
  });
  test("at or over the threshold shipping is free, below it never", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const goods = ls.reduce((n, l) => n + l.lineCents, 0);
        const q = quoteShipping(postal, "cn", ls)!;
        expect(q.free).toBe(goods >= 8000);
        if (q.free) expect(q.costCents).toBe(0);
        else expect(q.costCents).toBeGreaterThanOrEqual(1200);
      }),
    );
  });
});
