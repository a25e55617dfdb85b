import { useLocation } from "@remix-run/react";
import { useMemo } from "react";
import { localeFromPath, localizePath, type Locale } from "./locales.ts";
import { createTranslator } from "./translate.ts";

/** The locale of the current URL; works in error boundaries too, where loader data may be missing. */
export function useLocale(): Locale {
  return localeFromPath(useLocation().pathname);
}

export function useT() {
  const locale = useLocale();
  return useMemo(() => createTranslator(locale), [locale]);
}

/** Builds links in the current locale: `href("/stores")` → "/zh/stores" on Chinese pages. */
export function useHref() {
  const locale = useLocale();
  return (path: string) => localizePath(path, locale);
}
