import type { Locale } from "./locales.ts";
import { en, type Messages } from "./messages/en.ts";
import { fr } from "./messages/fr.ts";
import { zh } from "./messages/zh.ts";

/**
 * Every language's messages, loaded: what the server, e-mails, scripts and tests translate with.
 * The browser build swaps this module for `catalogs.browser.ts` (the `browserCatalogs` plugin in
 * vite.config.ts), which loads only the page's own language: the three catalogs together were 72 kB
 * of every page's gzipped JavaScript (decision 037).
 */
export const catalogs: Partial<Record<Locale, Messages>> = { en, zh, fr };

/** Every language is here. */
export function hasCatalog(_locale: Locale): boolean {
  return true;
}

/** Nothing to load here; the browser's version fetches the language's chunk. */
export async function loadCatalog(_locale: Locale): Promise<void> {}
