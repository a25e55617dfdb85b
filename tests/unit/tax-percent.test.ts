import { describe, expect, test } from "vitest";
import { formatPercent, parsePercent } from "#app/models/admin/import-tax.server.ts";

describe("tax rates typed by organizers", () => {
  test("percentages 0–60 with at most two decimals, comma or point", () => {
    expect(parsePercent("13")).toBe(1300);
    expect(parsePercent(" 9.5 ")).toBe(950);
    expect(parsePercent("0,25")).toBe(25);
    expect(parsePercent("15%")).toBe(1500);
    expect(parsePercent("0")).toBe(0);
    expect(parsePercent("60")).toBe(6000);
    for (const bad of ["", "60.01", "61", "-1", "13.555", "abc", "1e1", "100"])
      expect(parsePercent(bad), bad).toBeNull();
  });

  test("shown back as typed", () => {
    for (const text of ["13", "9.5", "0.25", "0", "56"]) expect(formatPercent(parsePercent(text)!)).toBe(text);
  });
});
