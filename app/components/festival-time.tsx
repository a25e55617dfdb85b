import { useEffect, useState } from "react";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import { CHINA_TIME_ZONE, formatDateTime, timeLeft } from "#app/utils/datetime.ts";

/**
 * A festival instant in Beijing time (rendered on the server, so correct without JavaScript), plus
 * the viewer's own time once the browser says which zone that is (after hydration, to keep the
 * server and client markup identical).
 */
export function FestivalTime({ iso }: { iso: string }) {
  const locale = useLocale();
  const t = useT();
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone !== CHINA_TIME_ZONE) setLocal(formatDateTime(iso, locale));
  }, [iso, locale]);
  return (
    <time dateTime={iso}>
      {formatDateTime(iso, locale, CHINA_TIME_ZONE)} ({t("festivals.beijingTime")})
      {local ? <span className="whitespace-nowrap"> · {t("festivals.yourTime", { date: local })}</span> : null}
    </time>
  );
}

/** Ticks every second with JavaScript; without it, the FestivalTime beside it says when. */
export function Countdown({ target, label }: { target: string; label: string }) {
  const t = useT();
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!now) return null;
  const left = timeLeft(new Date(target), now);
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    <p className="text-lg font-semibold tabular-nums" data-testid="countdown">
      <span className="mr-2 text-sm font-medium tracking-wide uppercase">{label}</span>
      <span role="timer" aria-live="off">
        {t("festivals.countdown", { d: String(left.d), h: pad(left.h), m: pad(left.m), s: pad(left.s) })}
      </span>
    </p>
  );
}

const SLOT = "\u0000";

/** A translated sentence with a festival time in the place its `{date}` placeholder holds in that language. */
export function SentenceWithTime({ message, iso }: { message: (date: string) => string; iso: string }) {
  const [before, after] = message(SLOT).split(SLOT);
  return (
    <>
      {before}
      <FestivalTime iso={iso} />
      {after}
    </>
  );
}
