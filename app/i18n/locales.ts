/** Locales come from the URL prefix: none = English, /zh = 简体中文, /fr = français. */
export const LOCALES = ["en", "zh", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const LOCALE_INFO: Record<Locale, { htmlLang: string; hreflang: string; intl: string; label: string }> = {
  en: { htmlLang: "en", hreflang: "en", intl: "en-US", label: "English" },
  zh: { htmlLang: "zh-Hans", hreflang: "zh-Hans", intl: "zh-CN", label: "简体中文" },
  fr: { htmlLang: "fr", hreflang: "fr", intl: "fr-FR", label: "Français" },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The `($lang)` route param: absent means English; "zh" and "fr" are prefixes; anything else is not
 * a locale at all (null), and the route answers 404. "/en/..." is not a URL of ours either.
 */
export function localeFromParam(lang: string | undefined): Locale | null {
  if (lang === undefined) return DEFAULT_LOCALE;
  return lang === "zh" || lang === "fr" ? lang : null;
}

export function localeFromPath(pathname: string): Locale {
  const first = pathname.split("/")[1];
  return first === "zh" || first === "fr" ? first : DEFAULT_LOCALE;
}

/** "/zh/stores" → "/stores"; "/fr" → "/". */
export function stripLocale(pathname: string): string {
  const locale = localeFromPath(pathname);
  if (locale === DEFAULT_LOCALE) return pathname || "/";
  const rest = pathname.slice(locale.length + 1);
  return rest === "" ? "/" : rest;
}

/** "/stores" in zh → "/zh/stores"; "/" in fr → "/fr". Paths are site-absolute and unprefixed. */
export function localizePath(path: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}
