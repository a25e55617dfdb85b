import type { Locale } from "#app/i18n/locales.ts";

type Suffix = "En" | "Zh" | "Fr";
const SUFFIX: Record<Locale, Suffix> = { en: "En", zh: "Zh", fr: "Fr" };

/**
 * Picks `nameZh` / `nameFr` / `nameEn` from a row for the locale, falling back to English when a
 * translation is empty (merchants may list in English first).
 */
export function pick(row: object, field: string, locale: Locale): string {
  const record = row as Record<string, unknown>;
  const value = record[`${field}${SUFFIX[locale]}`];
  if (typeof value === "string" && value.trim() !== "") return value;
  const english = record[`${field}En`];
  return typeof english === "string" ? english : "";
}
