/**
 * Indicative exchange rates for the approximate amounts shown beside USD prices (CNY on Chinese
 * pages, EUR on French pages). Charges are always in USD; these are labelled as approximate.
 * Update by hand; `RATES_AS_OF` is shown nowhere but documents when they were taken.
 */
export const RATES_AS_OF = "2026-11-01";
export const USD_RATES = { CNY: 7.12, EUR: 0.93 } as const;
