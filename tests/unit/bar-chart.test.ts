import { describe, expect, test } from "vitest";
import { barChart, niceCeiling } from "#app/utils/bar-chart.ts";

describe("bar chart geometry", () => {
  test("the scale's top is a round number at least the largest value", () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(-5)).toBe(1);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(3)).toBe(5);
    expect(niceCeiling(12_345)).toBe(20_000);
    expect(niceCeiling(50_000)).toBe(50_000);
    expect(niceCeiling(50_001)).toBe(100_000);
  });

  test("bars are proportional to their values and stand on the baseline, inside the drawing", () => {
    const chart = barChart(
      [
        { label: "a", value: 0 },
        { label: "b", value: 250 },
        { label: "c", value: 500 },
      ],
      { width: 356, height: 120, left: 56, top: 20, bottom: 20, gap: 0 },
    );
    expect(chart.baseline).toBe(100);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 250, 500]);
    expect(chart.ticks.map((t) => t.y)).toEqual([100, 60, 20]);
    expect(chart.bars.map((b) => b.height)).toEqual([0, 40, 80]);
    expect(chart.bars.map((b) => b.y + b.height)).toEqual([100, 100, 100]);
    expect(chart.bars.map((b) => b.x)).toEqual([56, 156, 256]);
    for (const b of chart.bars) expect(b.x + b.width).toBeLessThanOrEqual(356);
  });

  test("no points, or only zeros, draw no bars taller than nothing", () => {
    expect(barChart([]).bars).toEqual([]);
    const flat = barChart([{ label: "a", value: 0 }]);
    expect(flat.bars[0]!.height).toBe(0);
    expect(flat.ticks.at(-1)!.value).toBe(1);
  });
});
