import { Link } from "@remix-run/react";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { FestivalSession } from "#app/models/festivals.server.ts";
import { beijingDay, formatDate, formatTimeRange } from "#app/utils/datetime.ts";
import { imageSources } from "#app/utils/images.ts";
import { Price } from "./price.tsx";
import { RemindButton } from "./remind-button.tsx";

type ReminderStates = Record<number, "set" | "sent">;

/**
 * The showcase schedule, compact (decision 036): sessions live now first, open; then the upcoming
 * ones by Beijing day, each day a disclosure (the first open); ended sessions in one closed
 * disclosure at the end. `<details>` needs no JavaScript. Every session says its state (upcoming /
 * live now / ended) and its start and end in Beijing time; upcoming ones offer "Remind me".
 */
export function FestivalSchedule({
  sessions,
  reminders,
  canRemind,
}: {
  sessions: FestivalSession[];
  /** The shopper's reminders; null for a guest. */
  reminders: ReminderStates | null;
  canRemind: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const live = sessions.filter((s) => s.status === "live");
  const upcoming = sessions.filter((s) => s.status === "upcoming");
  const ended = sessions.filter((s) => s.status === "ended");
  const days = new Map<string, FestivalSession[]>();
  for (const s of upcoming) {
    const day = beijingDay(new Date(s.startsAt));
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  const row = (s: FestivalSession, withDate: boolean) => (
    <SessionRow key={s.id} session={s} withDate={withDate} reminders={reminders} canRemind={canRemind} />
  );
  const summaryClass =
    "flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 px-4 py-2 font-semibold text-clay-900 [&::-webkit-details-marker]:hidden";
  return (
    <div className="space-y-3" data-testid="festival-schedule">
      {live.length > 0 ? (
        <ol className="space-y-3" aria-label={t("reminders.statusLive")} data-testid="sessions-live">
          {live.map((s) => row(s, true))}
        </ol>
      ) : null}
      {[...days.entries()].map(([day, list], i) => (
        <details
          key={day}
          open={i === 0 && live.length === 0}
          className="group rounded-xl border border-stone-200 bg-white"
          data-testid="sessions-day"
        >
          <summary className={summaryClass}>
            <span>{formatDate(list[0]!.startsAt, locale)}</span>
            <span className="flex items-center gap-2 text-sm font-normal text-stone-600">
              {t("reminders.sessionCount", { count: list.length })}
              <Chevron />
            </span>
          </summary>
          <ol className="space-y-2 border-t border-stone-200 p-2 sm:p-3">{list.map((s) => row(s, false))}</ol>
        </details>
      ))}
      {ended.length > 0 ? (
        <details className="group rounded-xl border border-stone-200 bg-stone-50" data-testid="sessions-ended">
          <summary className={summaryClass}>
            <span className="text-stone-700">{t("reminders.statusEnded")}</span>
            <span className="flex items-center gap-2 text-sm font-normal text-stone-600">
              {t("reminders.sessionCount", { count: ended.length })}
              <Chevron />
            </span>
          </summary>
          <ol className="space-y-2 border-t border-stone-200 p-2 sm:p-3">{ended.map((s) => row(s, true))}</ol>
        </details>
      ) : null}
    </div>
  );
}

function Chevron() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" className="transition group-open:rotate-180">
      <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

const BADGE: Record<FestivalSession["status"], string> = {
  live: "bg-red-700 text-white",
  upcoming: "bg-amber-100 text-amber-900",
  ended: "bg-stone-200 text-stone-700",
};

function SessionRow({
  session: s,
  withDate,
  reminders,
  canRemind,
}: {
  session: FestivalSession;
  withDate: boolean;
  reminders: ReminderStates | null;
  canRemind: boolean;
}) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const anchor = `session-${s.id}`;
  return (
    <li
      id={anchor}
      className={`scroll-mt-20 rounded-lg border bg-white p-3 ${s.status === "live" ? "border-red-600 ring-2 ring-red-600" : "border-stone-200"}`}
      data-on-now={s.onNow || undefined}
      data-status={s.status}
      data-testid="session"
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span className={`rounded px-2 py-0.5 text-xs font-bold ${BADGE[s.status]}`} data-testid="session-status">
          {t(
            s.status === "live"
              ? "reminders.statusLive"
              : s.status === "upcoming"
                ? "reminders.statusUpcoming"
                : "reminders.statusEnded",
          )}
        </span>
        <time dateTime={s.startsAt} className="font-medium text-stone-800 tabular-nums" data-testid="session-time">
          {formatTimeRange(s.startsAt, s.endsAt, locale, { withDate })}
        </time>
        <span className="text-xs text-stone-600">({t("festivals.beijingTime")})</span>
      </div>
      <h3 className="mt-1 font-semibold text-clay-900">{s.title}</h3>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
        <Link to={href(`/stores/${s.store.slug}`)} className="text-sm text-clay-700 underline">
          {s.store.name}
        </Link>
        {s.status === "upcoming" && canRemind ? (
          <RemindButton
            kind="session"
            targetId={s.id}
            title={s.title}
            state={reminders ? (reminders[s.id] ?? "none") : null}
            anchor={anchor}
          />
        ) : null}
      </div>
      {s.products.length > 0 ? (
        <ul
          className="relative -mx-1 mt-2 flex gap-2 overflow-x-auto px-1 pb-1"
          role="list"
          aria-label={t("festivals.products")}
        >
          {s.products.map((p) => (
            <li key={p.id} className="w-28 shrink-0 sm:w-36">
              <Link to={href(`/products/${p.slug}`)} className="group block text-xs">
                {p.imageUrl ? (
                  <img
                    {...imageSources(p.imageUrl)}
                    sizes="144px"
                    alt=""
                    width={144}
                    height={144}
                    loading="lazy"
                    className="aspect-square w-full rounded bg-clay-50 object-cover"
                  />
                ) : (
                  <span className="block aspect-square w-full rounded bg-clay-50" />
                )}
                <span className="mt-1 line-clamp-2 text-stone-900 group-hover:underline">{p.title}</span>
                <span className="block [&_.text-sm]:text-xs">
                  <Price cents={p.deal?.priceCents ?? p.priceCents} currency={p.currency} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
