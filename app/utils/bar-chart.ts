/**
 * The geometry of a small bar chart, worked out on the server and drawn as plain SVG (no chart
 * library, nothing to load in the browser, prints and works without JavaScript). Pure, so it is
 * unit-tested apart from any page.
 */
export interface BarChart {
  width: number;
  height: number;
  /** Where the bars stand (y of the baseline) and the room left of it for the axis labels. */
  baseline: number;
  left: number;
  bars: { x: number; y: number; width: number; height: number; value: number; label: string }[];
  /** Horizontal guide lines: a value and its y. The top one is the scale's maximum. */
  ticks: { value: number; y: number }[];
}

/** 1, 2 or 5 × a power of ten, at least `value`: an axis maximum people read at a glance. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export function barChart(
  points: { label: string; value: number }[],
  { width = 640, height = 180, left = 56, top = 8, bottom = 20, gap = 0.2 } = {},
): BarChart {
  const max = niceCeiling(Math.max(0, ...points.map((p) => p.value)));
  const baseline = height - bottom;
  const plot = baseline - top;
  const slot = points.length > 0 ? (width - left) / points.length : 0;
  const barWidth = Math.max(1, slot * (1 - gap));
  const y = (value: number) => baseline - (Math.max(0, value) / max) * plot;
  return {
    width,
    height,
    baseline,
    left,
    bars: points.map((p, i) => {
      const top = y(p.value);
      return {
        x: round(left + i * slot + (slot - barWidth) / 2),
        y: round(top),
        width: round(barWidth),
        height: round(baseline - top),
        value: p.value,
        label: p.label,
      };
    }),
    ticks: [0, 0.5, 1].map((f) => ({ value: max * f, y: round(y(max * f)) })),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
