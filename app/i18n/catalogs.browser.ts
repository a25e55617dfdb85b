import type { Locale } from "./locales.ts";
import type { Messages } from "./messages/en.ts";

/**
 * The browser's catalogs (see catalogs.ts): only the page's language, loaded by entry.client.tsx
 * before hydration. A language switch is a full page load (LanguageSwitcher), so a page never
 * renders in a language whose messages are not here.
 */
export const catalogs: Partial<Record<Locale, Messages>> = {};

const LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: () => import("./messages/en.ts").then((m) => m.en),
  zh: () => import("./messages/zh.ts").then((m) => m.zh),
  fr: () => import("./messages/fr.ts").then((m) => m.fr),
};

export function hasCatalog(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

export async function loadCatalog(locale: Locale): Promise<void> {
  catalogs[locale] ??= await LOADERS[locale]();
}
