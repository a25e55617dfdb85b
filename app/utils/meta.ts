import { localeFromPath } from "#app/i18n/locales.ts";
import { createTranslator, type Translate } from "#app/i18n/translate.ts";

/**
 * `<title>` and description for a page: "<title> · <site name in the page's language>".
 * Pass a string (already localized data, e.g. a product title) or a function of the translator.
 */
export function pageMeta(
  location: { pathname: string },
  title: string | ((t: Translate) => string),
  description?: string,
  extra: { image?: string; type?: "website" | "product" } = {},
) {
  const t = createTranslator(localeFromPath(location.pathname));
  const text = typeof title === "function" ? title(t) : title;
  const summary = description ?? t("site.description");
  return [
    { title: `${text} · ${t("site.name")}` },
    { name: "description", content: summary },
    // OpenGraph (also read by WeChat and Weibo link previews); og:url, og:locale and og:site_name come from the root.
    { property: "og:title", content: text },
    { property: "og:description", content: summary },
    { property: "og:type", content: extra.type ?? "website" },
    ...(extra.image ? [{ property: "og:image", content: extra.image }] : []),
  ];
}
