import type { Locale } from "#app/i18n/locales.ts";

type Suffix = "En" | "Zh" | "Fr";
const SUFFIX: Record<Locale, Suffix> = { en: "En", zh: "Zh", fr: "Fr" };

/**
 * Picks `nameZh` / `nameFr` / `nameEn` from a row for the locale, falling back to English when a
 * translation is empty (merchants may list in English first).
 */
export function pick<R extends Record<string, unknown>>(row: R, field: string, locale: Locale): string {
  const value = row[`${field}${SUFFIX[locale]}`];
  if (typeof value === "string" && value.trim() !== "") return value;
  const english = row[`${field}En`];
  return typeof english === "string" ? english : "";
}
