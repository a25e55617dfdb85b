import { localeFromParam, type Locale } from "#app/i18n/locales.ts";

/** Throws the 404 Response the error boundary turns into a translated "not found" page. */
export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** The page's locale from the `($lang)` param; an unknown prefix such as "/xx/stores" is a 404. */
export function requireLocale(params: { lang?: string }): Locale {
  const locale = localeFromParam(params.lang);
  if (!locale) notFound();
  return locale;
}
