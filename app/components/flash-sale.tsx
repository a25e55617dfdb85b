import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import { LOCALE_INFO, type Locale } from "#app/i18n/locales.ts";
import type { FestivalFlashSale, FlashSlotView, ProductFlashSale } from "#app/models/flash-sale.server.ts";
import { CHINA_TIME_ZONE, formatDateTime, timeLeft } from "#app/utils/datetime.ts";
import { formatMoney } from "#app/utils/money.ts";
import { RemindButton } from "./remind-button.tsx";
import { Price } from "./price.tsx";
import { dateTimeFormat } from "#app/utils/intl.ts";

/**
 * Flash-sale slots for shoppers (秒杀, decision 035). The festival page's block shows the slot live
 * now (else the next one) with its products, slot prices and units left ("已抢光" when gone), and the
 * time to the slot's end or start; the product page's badge shows the product's current or next
 * slot. Times are rendered on the server in Beijing time; with JavaScript a countdown replaces them.
 */

const clock = (iso: string, locale: Locale) =>
  dateTimeFormat(LOCALE_INFO[locale].intl, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: CHINA_TIME_ZONE,
  }).format(new Date(iso));

/** The day (month and day, Beijing time) of an instant, for schedule chips on another day. */
const day = (iso: string, locale: Locale) =>
  dateTimeFormat(LOCALE_INFO[locale].intl, {
    month: "numeric",
    day: "numeric",
    timeZone: CHINA_TIME_ZONE,
  }).format(new Date(iso));

/** Slots listed in the schedule line: the one shown and the next few. */
const SCHEDULE_CHIPS = 5;

/** "02:13:45" to `target`, ticking each second once hydrated; before that (or without JavaScript) the Beijing time it says. */
function SlotCountdown({ target, label, testId }: { target: string; label: string; testId: string }) {
  const t = useT();
  const locale = useLocale();
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = now ? timeLeft(new Date(target), now) : null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2" data-testid={testId}>
      <span className="text-sm font-medium">{label}</span>
      {left ? (
        <span role="timer" aria-live="off" className="font-mono text-lg font-bold tabular-nums">
          {left.d > 0 ? t("slots.days", { d: left.d }) : ""}
          {pad(left.h)}:{pad(left.m)}:{pad(left.s)}
        </span>
      ) : (
        <time dateTime={target} className="font-semibold">
          {formatDateTime(target, locale, CHINA_TIME_ZONE)} ({t("festivals.beijingTime")})
        </time>
      )}
    </span>
  );
}

function SoldBar({ left, stock }: { left: number; stock: number }) {
  const t = useT();
  const taken = stock > 0 ? Math.round(((stock - left) * 100) / stock) : 100;
  return (
    <div className="mt-1">
      <div className="h-1.5 overflow-hidden rounded-full bg-red-100" aria-hidden="true">
        <div className="h-full rounded-full bg-red-600" style={{ width: `${taken}%` }} />
      </div>
      <p className="mt-0.5 text-xs text-stone-700" data-testid="flash-left">
        {left <= 0 ? t("slots.soldOut") : t("slots.left", { count: left })}
      </p>
    </div>
  );
}

function SlotItems({ slot }: { slot: FlashSlotView }) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  if (slot.items.length === 0) return <p className="p-4 text-sm text-stone-600">{t("slots.noItems")}</p>;
  return (
    // A strip that scrolls sideways on a phone (the block stays one screen tall), a grid from 640 px.
    // `relative`: the items' screen-reader-only labels (absolutely positioned) stay inside the
    // scroller instead of widening the whole page on a phone.
    <ul className="relative flex snap-x gap-3 overflow-x-auto p-3 sm:grid sm:grid-cols-3 sm:overflow-visible sm:p-4 lg:grid-cols-6">
      {slot.items.map((item) => {
        const soldOut = item.unitsLeft <= 0;
        return (
          <li
            key={item.productId}
            className="flex w-36 shrink-0 snap-start flex-col overflow-hidden rounded-lg border border-red-100 bg-white sm:w-auto"
            data-testid="flash-item"
            data-product-slug={item.slug}
          >
            <Link to={href(`/products/${item.slug}`)} className="group flex flex-1 flex-col">
              <span className="relative block aspect-square bg-stone-100">
                <img
                  src={item.imageUrl}
                  alt=""
                  loading="lazy"
                  className={`h-full w-full object-cover ${soldOut ? "opacity-50 grayscale" : ""}`}
                />
                {soldOut ? (
                  <span className="absolute inset-0 flex items-center justify-center">
                    <span className="rounded-full bg-stone-900/80 px-3 py-1 text-sm font-bold text-white">
                      {t("slots.soldOut")}
                    </span>
                  </span>
                ) : null}
              </span>
              <span className="flex flex-1 flex-col p-2">
                <span className="line-clamp-2 text-sm font-medium text-stone-900 group-hover:underline">
                  {item.title}
                </span>
                <span className="mt-auto pt-1">
                  <span className="flex flex-wrap items-baseline gap-x-2 text-red-700" data-testid="flash-price">
                    <span className="sr-only">{t("slots.slotPrice")}</span>
                    <Price cents={item.slotPriceCents} currency="USD" />
                  </span>
                  <s className="text-xs text-stone-500">{formatMoney(item.regularCents, "USD", locale)}</s>
                  {slot.status === "live" ? <SoldBar left={item.unitsLeft} stock={item.slotStock} /> : null}
                  {item.perShopperLimit !== null ? (
                    <span className="block text-xs text-stone-600">
                      {t("slots.limitEach", { count: item.perShopperLimit })}
                    </span>
                  ) : null}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The festival page's 秒杀 block; renders nothing when the festival has no slot left. */
export function FlashSaleBlock() {
  const { flashSale, reminders, festival } = useLoaderData<{
    flashSale: FestivalFlashSale | null;
    festival: { name: string };
    /** Null for guests; else the shopper's reminders, by slot id (decision 036). */
    reminders: { slot: Record<number, "set" | "sent"> } | null;
  }>();
  const t = useT();
  const locale = useLocale();
  if (!flashSale) return null;
  const shown = flashSale.current ?? flashSale.next;
  if (!shown) return null;
  const next = flashSale.next;
  return (
    <section
      aria-labelledby="flash-sale-heading"
      id="flash-sale"
      className="overflow-hidden rounded-2xl border border-red-200 bg-red-50"
      data-testid="flash-sale"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 bg-gradient-to-r from-red-800 to-red-600 px-4 py-3 text-white sm:px-6">
        <h2 id="flash-sale-heading" className="flex items-baseline gap-2 text-xl font-black tracking-wide">
          {t("slots.heading")}
          <span className="text-sm font-semibold opacity-90">
            {flashSale.current ? t("slots.liveNow") : t("slots.nextSlot")}
          </span>
        </h2>
        {flashSale.current ? (
          <SlotCountdown target={flashSale.current.endsAt} label={t("slots.endsIn")} testId="flash-countdown" />
        ) : (
          <SlotCountdown target={shown.startsAt} label={t("slots.startsIn")} testId="flash-countdown" />
        )}
      </div>
      <ol
        className="relative flex gap-2 overflow-x-auto border-b border-red-100 px-3 py-2 text-sm sm:px-5"
        aria-label={t("slots.schedule")}
      >
        {flashSale.schedule.slice(0, SCHEDULE_CHIPS).map((s) => (
          <li
            key={s.id}
            className={`shrink-0 rounded-full px-3 py-1 ${
              s.id === shown.id ? "bg-red-700 font-bold text-white" : "bg-white text-stone-800"
            }`}
            aria-current={s.id === shown.id ? "true" : undefined}
            data-testid="flash-slot-chip"
          >
            <time dateTime={s.startsAt}>
              {day(s.startsAt, locale) === day(shown.startsAt, locale) ? "" : `${day(s.startsAt, locale)} `}
              {clock(s.startsAt, locale)}
            </time>{" "}
            <span className="text-xs">{s.status === "live" ? t("slots.chipLive") : t("slots.chipUpcoming")}</span>
          </li>
        ))}
      </ol>
      <p className="px-4 pt-3 text-sm text-stone-700 sm:px-6" data-testid="flash-slot-time">
        {t("slots.window", {
          start: formatDateTime(shown.startsAt, locale, CHINA_TIME_ZONE),
          end: clock(shown.endsAt, locale),
        })}{" "}
        ({t("festivals.beijingTime")})
        {flashSale.current && flashSale.next ? (
          <span className="block sm:inline">
            <span className="max-sm:hidden"> · </span>
            {flashSale.next.startsAt === flashSale.current.endsAt ? (
              // The next slot starts as this one ends: the countdown above already says when.
              t("slots.nextAt", { time: clock(flashSale.next.startsAt, locale) })
            ) : (
              <SlotCountdown
                target={flashSale.next.startsAt}
                label={t("slots.nextStartsIn")}
                testId="flash-next-countdown"
              />
            )}
          </span>
        ) : null}
      </p>
      {next ? (
        <div className="flex flex-wrap items-center gap-2 px-4 pt-3 sm:px-6" data-testid="flash-slot-remind">
          <RemindButton
            kind="slot"
            targetId={next.id}
            title={t("reminders.slotTitle", {
              festival: festival.name,
              time: formatDateTime(next.startsAt, locale, CHINA_TIME_ZONE),
            })}
            state={reminders ? (reminders.slot[next.id] ?? "none") : null}
            anchor="flash-sale"
          />
          <span className="text-xs text-stone-600">{t("reminders.hint")}</span>
        </div>
      ) : null}
      <SlotItems slot={shown} />
    </section>
  );
}

/** The product page's slot badge: the slot price live now with the time to its end, or the next slot's start. */
export function FlashSaleBadge() {
  const { flashSale } = useLoaderData<{ flashSale: ProductFlashSale | null }>();
  const t = useT();
  const locale = useLocale();
  if (!flashSale) return null;
  const live = flashSale.status === "live";
  const soldOut = live && flashSale.unitsLeft <= 0;
  return (
    <div className="mt-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm" data-testid="flash-badge">
      <p className="flex flex-wrap items-center gap-2">
        <span className="rounded bg-red-700 px-2 py-0.5 text-xs font-black text-white">{t("slots.heading")}</span>
        <span className="font-semibold text-red-800">
          {soldOut ? t("slots.soldOut") : live ? t("slots.badgeLive") : t("slots.badgeUpcoming")}
        </span>
        <span className="text-red-700">
          <Price cents={flashSale.slotPriceCents} currency="USD" />
        </span>
      </p>
      <p className="mt-1 text-stone-700">
        {live ? (
          <SlotCountdown target={flashSale.endsAt} label={t("slots.endsIn")} testId="flash-badge-countdown" />
        ) : (
          <SlotCountdown target={flashSale.startsAt} label={t("slots.startsIn")} testId="flash-badge-countdown" />
        )}
      </p>
      <p className="mt-1 text-xs text-stone-600">
        {t("slots.window", {
          start: formatDateTime(flashSale.startsAt, locale, CHINA_TIME_ZONE),
          end: clock(flashSale.endsAt, locale),
        })}{" "}
        ({t("festivals.beijingTime")}){live && !soldOut ? ` · ${t("slots.left", { count: flashSale.unitsLeft })}` : ""}
        {flashSale.perShopperLimit !== null ? ` · ${t("slots.limitEach", { count: flashSale.perShopperLimit })}` : ""}
      </p>
    </div>
  );
}

/** A cart or checkout line's units at the flash price (the rest is priced as the line says). */
export function FlashSlotLineNote({ line }: { line: { slotUnits: number; slot: { priceCents: number } | null } }) {
  const t = useT();
  const locale = useLocale();
  if (!line.slot || line.slotUnits <= 0) return null;
  return (
    <p className="text-xs font-semibold text-red-800" data-testid="flash-line">
      <span className="mr-1 rounded bg-red-700 px-1 py-px text-white">{t("slots.heading")}</span>
      {t("slots.cartSplit", { count: line.slotUnits })} · {formatMoney(line.slot.priceCents, "USD", locale)}
    </p>
  );
}

/** The search page's "flash sale now" filter (a link that toggles `flash=1`) with its facet count. */
export function FlashSaleFilter({ active, count, to }: { active: boolean; count: number | undefined; to: string }) {
  const t = useT();
  return (
    <section>
      <h2 className="mb-2 font-semibold text-clay-900">{t("slots.heading")}</h2>
      <Link
        to={to}
        preventScrollReset
        role="checkbox"
        aria-checked={active}
        className="flex items-center gap-2 hover:underline max-md:min-h-11"
        data-testid="flash-filter"
      >
        <span
          aria-hidden="true"
          className={`inline-block h-4 w-4 rounded border ${active ? "border-red-700 bg-red-700" : "border-stone-400 bg-white"}`}
        />
        {t("slots.filterNow")}
        {count !== undefined ? <span className="text-stone-600">({count})</span> : null}
      </Link>
    </section>
  );
}
