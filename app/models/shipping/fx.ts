/**
 * USD ↔ CNY at a rate kept as integer micro-units (CNY per USD × 1,000,000: 7.12 → 7_120_000), so
 * conversions are exact integer arithmetic rounded half up. Orders are charged in USD (decision 025).
 */
export const RATE_SCALE = 1_000_000;

export function usdCentsToFen(cents: number, rateMicros: number): number {
  return Math.floor((2 * cents * rateMicros + RATE_SCALE) / (2 * RATE_SCALE));
}

export function fenToUsdCents(fen: number, rateMicros: number): number {
  return Math.floor((2 * fen * RATE_SCALE + rateMicros) / (2 * rateMicros));
}

/** "7.1234" → 7_123_400; null unless a plain positive decimal with at most 6 places in a sane range. */
export function parseRate(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,6}))?\s*$/.exec(text);
  if (!m) return null;
  const micros = Number(m[1]) * RATE_SCALE + Number((m[2] ?? "").padEnd(6, "0"));
  return micros >= 100_000 && micros <= 100 * RATE_SCALE ? micros : null;
}

export function formatRate(micros: number): string {
  return (micros / RATE_SCALE).toFixed(4);
}
