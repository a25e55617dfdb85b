import { USD_RATES } from "#app/config/currency.ts";
import { LOCALE_INFO, type Locale } from "#app/i18n/locales.ts";
import { numberFormat } from "#app/utils/intl.ts";

/** Formats integer minor units in the locale's style: $12.99, US$12.99, 12,99 $US. */
export function formatMoney(cents: number, currency: string, locale: Locale): string {
  return numberFormat(LOCALE_INFO[locale].intl, { style: "currency", currency }).format(cents / 100);
}

const APPROX_CURRENCY: Partial<Record<Locale, keyof typeof USD_RATES>> = { zh: "CNY", fr: "EUR" };

/**
 * The approximate amount in the reader's home currency (CNY for zh, EUR for fr), or null when the
 * locale has none or the price is not in USD. Rounded to whole units: it is a guide, not a quote.
 */
export function approximateLocalPrice(cents: number, currency: string, locale: Locale): string | null {
  const target = APPROX_CURRENCY[locale];
  if (!target || currency !== "USD") return null;
  const amount = Math.round((cents / 100) * USD_RATES[target]);
  return numberFormat(LOCALE_INFO[locale].intl, {
    style: "currency",
    currency: target,
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A USD amount in yuan at a rate (CNY per USD × 1,000,000), to the fen: ¥92.46. */
export function formatCny(usdCents: number, rateMicros: number, locale: Locale): string {
  const fen = Math.floor((2 * usdCents * rateMicros + 1_000_000) / 2_000_000);
  return numberFormat(LOCALE_INFO[locale].intl, { style: "currency", currency: "CNY" }).format(fen / 100);
}

/** Fen (CNY minor units) in the locale's style. */
export function formatFen(fen: number, locale: Locale): string {
  return numberFormat(LOCALE_INFO[locale].intl, { style: "currency", currency: "CNY" }).format(fen / 100);
}
