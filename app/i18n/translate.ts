import { type Locale, LOCALE_INFO } from "./locales.ts";
import { catalogs } from "./catalogs.ts";
import type { Messages } from "./messages/en.ts";
import { numberFormat, pluralRules } from "#app/utils/intl.ts";

export type MessageKey = keyof Messages;
export type Vars = Record<string, string | number>;

/**
 * Looks up a UI string and fills `{name}` placeholders. A message may be plural-aware
 * ({ one, other }); `count` picks the form with the locale's plural rules. Numbers are
 * formatted for the locale (1,000 / 1 000).
 */
export function translate(locale: Locale, key: MessageKey, vars: Vars = {}): string {
  const message = catalogs[locale]?.[key] ?? catalogs.en?.[key];
  if (message === undefined) return key;
  const intl = LOCALE_INFO[locale].intl;
  let text: string;
  if (typeof message === "string") {
    text = message;
  } else {
    const rule = pluralRules(intl).select(Number(vars.count ?? 0));
    text = rule === "one" ? message.one : message.other;
  }
  if (!text.includes("{")) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    if (value === undefined) return match;
    return typeof value === "number" ? numberFormat(intl).format(value) : value;
  });
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function createTranslator(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}

/** Whether `value` names a message (in any catalog this process or page has loaded). */
export function isMessageKey(value: unknown): value is MessageKey {
  return (
    typeof value === "string" && Object.values(catalogs).some((catalog) => catalog !== undefined && value in catalog)
  );
}
