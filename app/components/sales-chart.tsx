import { useId } from "react";
import { LOCALE_INFO } from "#app/i18n/locales.ts";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import { barChart, type BarChart } from "#app/utils/bar-chart.ts";
import { formatMoney } from "#app/utils/money.ts";
import { dateTimeFormat, numberFormat } from "#app/utils/intl.ts";

type Day = { day: string; revenueCents: number; units: number };

/**
 * Revenue per day as a server-drawn SVG bar chart. Its text alternative is a one-line summary (the
 * image's accessible name and description) and the figures as a table, under a disclosure that
 * works without JavaScript.
 */
export function SalesChart({ days, currency }: { days: Day[]; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const intl = LOCALE_INFO[locale].intl;
  const dayLabel = (day: string, style: "short" | "long" = "short") =>
    dateTimeFormat(intl, {
      timeZone: "UTC",
      ...(style === "short" ? { month: "numeric", day: "numeric" } : { dateStyle: "medium" }),
    }).format(new Date(`${day}T00:00:00Z`));
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const compactMoney = (cents: number) =>
    numberFormat(intl, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(
      cents / 100,
    );
  const points = days.map((d) => ({ label: d.day, value: d.revenueCents }));
  const wide = barChart(points, { width: 640, height: 180, left: 72 });
  const narrow = barChart(points, { width: 340, height: 170, left: 64 });
  const total = days.reduce((sum, d) => sum + d.revenueCents, 0);
  const best = days.reduce<Day | null>((b, d) => (d.revenueCents > (b?.revenueCents ?? 0) ? d : b), null);
  const title = t("dash.chartTitle", { count: days.length });
  const summary = best
    ? t("dash.chartSummary", { total: money(total), day: dayLabel(best.day, "long"), best: money(best.revenueCents) })
    : t("dash.chartEmpty");
  // Day labels under the first, middle and last bars: enough to read the time axis.
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1]);
  const chartSvg = (chart: BarChart, className: string) => (
    <svg
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      className={`h-auto w-full ${className}`}
      role="img"
      aria-labelledby={`${id}-${chart.width}-t ${id}-${chart.width}-d`}
    >
      <title id={`${id}-${chart.width}-t`}>{title}</title>
      <desc id={`${id}-${chart.width}-d`}>{summary}</desc>
      {chart.ticks.map((tick) => (
        <g key={tick.y}>
          <line x1={chart.left} x2={chart.width} y1={tick.y} y2={tick.y} className="stroke-stone-200" />
          <text x={chart.left - 6} y={tick.y + 4} textAnchor="end" className="fill-stone-600 text-[12px]">
            {compactMoney(tick.value)}
          </text>
        </g>
      ))}
      {chart.bars.map((bar, i) => (
        <g key={bar.label}>
          <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="fill-clay-600">
            <title>{`${dayLabel(bar.label, "long")}: ${money(bar.value)}`}</title>
          </rect>
          {labelled.has(i) ? (
            <text
              x={bar.x + bar.width / 2}
              y={chart.height - 4}
              textAnchor={i === 0 ? "start" : i === days.length - 1 ? "end" : "middle"}
              className="fill-stone-600 text-[12px]"
            >
              {dayLabel(bar.label)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-4" data-testid="sales-chart">
      <figcaption className="mb-2 text-sm font-semibold text-clay-900">{title}</figcaption>
      {/* Drawn twice, for a phone and for a wider screen, so its labels stay legible on both; CSS shows one. */}
      {chartSvg(narrow, "sm:hidden")}
      {chartSvg(wide, "hidden sm:block")}
      <p className="mt-2 text-sm text-stone-700">{summary}</p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-clay-700 underline">{t("dash.chartTable")}</summary>
        <table className="mt-2 w-full text-left" data-testid="sales-table">
          <caption className="sr-only">{title}</caption>
          <thead className="text-xs text-stone-700">
            <tr>
              <th scope="col" className="py-1 pr-2">
                {t("dash.colDay")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t("dash.colRevenue")}
              </th>
              <th scope="col" className="py-1 text-right">
                {t("dash.colUnits")}
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} className="border-t border-stone-100">
                <th scope="row" className="py-1 pr-2 font-normal">
                  <time dateTime={d.day}>{dayLabel(d.day, "long")}</time>
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">{money(d.revenueCents)}</td>
                <td className="py-1 text-right tabular-nums">{d.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
