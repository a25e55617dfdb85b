import { localeFromPath } from "#app/i18n/locales.ts";
import { createTranslator, type Translate } from "#app/i18n/translate.ts";

/**
 * `<title>` and description for a page: "<title> · <site name in the page's language>".
 * Pass a string (already localized data, e.g. a product title) or a function of the translator.
 */
export function pageMeta(location: { pathname: string }, title: string | ((t: Translate) => string), description?: string) {
  const t = createTranslator(localeFromPath(location.pathname));
  const text = typeof title === "function" ? title(t) : title;
  return [{ title: `${text} · ${t("site.name")}` }, { name: "description", content: description ?? t("site.description") }];
}
