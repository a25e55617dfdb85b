import { LOCALE_INFO, type Locale } from "#app/i18n/locales.ts";
import { dateTimeFormat } from "#app/utils/intl.ts";

/** Festivals are scheduled for shoppers in China: times are shown in Beijing time first. */
export const CHINA_TIME_ZONE = "Asia/Shanghai";

/** Beijing time has had no daylight saving since 1991: a calendar day there is UTC+8, always. */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar day (YYYY-MM-DD) in Beijing of an instant: the campaign's day. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
  return dateTimeFormat(LOCALE_INFO[locale].intl, {
    dateStyle: "medium",
    timeStyle: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export function formatDate(iso: string, locale: Locale, timeZone: string = CHINA_TIME_ZONE): string {
  return dateTimeFormat(LOCALE_INFO[locale].intl, { dateStyle: "medium", timeZone }).format(new Date(iso));
}

/** Whole days, hours, minutes and seconds until `target` (all zero once it has passed). */
export function timeLeft(target: Date, now: Date): { d: number; h: number; m: number; s: number; done: boolean } {
  const ms = Math.max(0, target.getTime() - now.getTime());
  const s = Math.floor(ms / 1000);
  return {
    d: Math.floor(s / 86_400),
    h: Math.floor((s % 86_400) / 3600),
    m: Math.floor((s % 3600) / 60),
    s: s % 60,
    done: ms === 0,
  };
}

/** The time of day (hours and minutes) of an instant, in Beijing unless another zone is given. */
export function formatTime(iso: string, locale: Locale, timeZone: string = CHINA_TIME_ZONE): string {
  return dateTimeFormat(LOCALE_INFO[locale].intl, { timeStyle: "short", timeZone }).format(new Date(iso));
}

/** "12:00–14:00", or with the date of the start when `withDate` (Beijing time unless another zone). */
export function formatTimeRange(
  startIso: string,
  endIso: string,
  locale: Locale,
  { withDate = false, timeZone = CHINA_TIME_ZONE }: { withDate?: boolean; timeZone?: string } = {},
): string {
  const start = withDate ? formatDateTime(startIso, locale, timeZone) : formatTime(startIso, locale, timeZone);
  return `${start}–${formatTime(endIso, locale, timeZone)}`;
}
