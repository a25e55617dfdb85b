import { Link } from "@remix-run/react";
import { TrendChart, type TrendPoint } from "#app/components/charts/trend-chart.tsx";
import { LOCALE_INFO } from "#app/i18n/locales.ts";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { formatMoney } from "#app/utils/money.ts";
import { dateTimeFormat, numberFormat } from "#app/utils/intl.ts";

export interface TrendsData {
  grain: "day" | "week";
  buckets: {
    start: string;
    orders: number;
    revenueCents: number;
    newListings: number;
    searches: number;
    zeroResults: number;
    zeroRate: number | null;
  }[];
}

/** The organizers' trends (decision 030): five charts, per Beijing day or week, each with its text alternative. */
export function Trends({ grain, buckets, keep }: TrendsData & { keep: string }) {
  const t = useT();
  const locale = useLocale();
  const href = useHref();
  const intl = LOCALE_INFO[locale].intl;
  const dayText = (day: string, style: "short" | "long") =>
    dateTimeFormat(intl, {
      timeZone: "UTC",
      ...(style === "short" ? { month: "numeric", day: "numeric" } : { dateStyle: "medium" }),
    }).format(new Date(`${day}T00:00:00Z`));
  const periodLabel = (start: string, style: "short" | "long") =>
    grain === "week" && style === "long" ? t("org.weekOf", { day: dayText(start, "long") }) : dayText(start, style);
  const number = (n: number) => numberFormat(intl).format(n);
  const percent = (n: number) => numberFormat(intl, { style: "percent", maximumFractionDigits: 1 }).format(n);
  const money = (cents: number) => formatMoney(cents, "USD", locale);
  const compactMoney = (cents: number) =>
    numberFormat(intl, {
      style: "currency",
      currency: "USD",
      notation: "compact",
      maximumFractionDigits: 1,
    }).format(cents / 100);
  const latest = buckets.at(-1);
  const previous = buckets.at(-2);
  const countSummary = (values: number[], format: (n: number) => string) => {
    const total = values.reduce((a, b) => a + b, 0);
    if (total === 0) return t("org.trendEmpty");
    const bestIndex = values.indexOf(Math.max(...values));
    return t("org.trendSummary", {
      total: format(total),
      latest: format(values.at(-1) ?? 0),
      previous: format(values.at(-2) ?? 0),
      best: format(values[bestIndex]!),
      when: periodLabel(buckets[bestIndex]!.start, "long"),
    });
  };
  const series = (pick: (b: TrendsData["buckets"][number]) => number): TrendPoint[] =>
    buckets.map((b) => ({ start: b.start, value: pick(b) }));
  const searches = buckets.reduce((a, b) => a + b.searches, 0);
  const zero = buckets.reduce((a, b) => a + b.zeroResults, 0);
  const rate = (r: number | null | undefined) => (r === null || r === undefined ? "—" : percent(r));
  const charts: {
    key: string;
    title: MessageKey;
    points: TrendPoint[];
    format: (n: number) => string;
    axis?: (n: number) => string;
    summary: string;
  }[] = [
    {
      key: "orders",
      title: "org.trendOrders",
      points: series((b) => b.orders),
      format: number,
      summary: countSummary(
        buckets.map((b) => b.orders),
        number,
      ),
    },
    {
      key: "revenue",
      title: "org.trendRevenueWithShipping",
      points: series((b) => b.revenueCents),
      format: money,
      axis: compactMoney,
      summary: countSummary(
        buckets.map((b) => b.revenueCents),
        money,
      ),
    },
    {
      key: "listings",
      title: "org.trendListings",
      points: series((b) => b.newListings),
      format: number,
      summary: countSummary(
        buckets.map((b) => b.newListings),
        number,
      ),
    },
    {
      key: "searches",
      title: "org.trendSearches",
      points: series((b) => b.searches),
      format: number,
      summary: countSummary(
        buckets.map((b) => b.searches),
        number,
      ),
    },
    {
      key: "zero-rate",
      title: "org.trendZeroRate",
      points: buckets.map((b) => ({ start: b.start, value: b.zeroRate })),
      format: percent,
      summary:
        searches === 0
          ? t("org.trendEmpty")
          : t("org.trendRateSummary", {
              total: percent(zero / searches),
              latest: rate(latest?.zeroRate),
              previous: rate(previous?.zeroRate),
            }),
    },
  ];
  return (
    <section aria-labelledby="trends-heading" data-testid="trends">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="trends-heading" className="text-lg font-bold text-clay-900">
          {t("org.trendsHeading")}
        </h2>
        <nav aria-label={t("org.grainLabel")} className="flex flex-wrap gap-2 text-sm">
          {(["day", "week"] as const).map((g) => (
            <Link
              key={g}
              to={href(`/admin?trend=${g}&${keep}#trends-heading`)}
              preventScrollReset
              aria-current={g === grain ? "true" : undefined}
              className={`rounded-full px-3 py-1 ${g === grain ? "bg-clay-700 text-white" : "bg-clay-100 text-clay-900 underline"}`}
            >
              {t(g === "day" ? "org.grainDay" : "org.grainWeek")}
            </Link>
          ))}
        </nav>
      </div>
      <p className="mb-3 text-sm text-stone-700">{t("org.trendsIntro")}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {charts.map((c) => (
          <TrendChart
            key={c.key}
            title={t(c.title)}
            summary={c.summary}
            points={c.points}
            format={c.format}
            axisFormat={c.axis}
            periodLabel={periodLabel}
            periodHeader={t("org.colPeriod")}
            tableLabel={t("org.trendTable")}
            testId={`trend-${c.key}`}
          />
        ))}
      </div>
    </section>
  );
}
