import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useT, useLocale } from "#app/i18n/use-locale.ts";
import { CoverageMap } from "#app/components/admin/coverage-map.tsx";
import { Trends } from "#app/components/admin/trends.tsx";
import { getAfricaGeometry } from "#app/models/admin/africa-map.server.ts";
import { coverageMapFacts } from "#app/models/admin/coverage-map.server.ts";
import { getCampaignDashboard, type CoverageRow } from "#app/models/admin/dashboard.server.ts";
import { getTrends, TREND_GRAINS } from "#app/models/admin/trends.server.ts";
import { MAP_METRICS } from "#app/utils/admin-constants.ts";
import { parseEnum } from "#app/utils/params.ts";
import { getSales, type SalesRow } from "#app/models/orders.server.ts";
import { formatMoney } from "#app/utils/money.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const user = requireOrganizer({ request, context });
  const url = new URL(request.url);
  const metric = parseEnum(url.searchParams.get("map"), MAP_METRICS, "stores");
  const grain = parseEnum(url.searchParams.get("trend"), TREND_GRAINS, "day");
  const dashboard = getCampaignDashboard(user, locale);
  const { width, height } = getAfricaGeometry();
  return {
    ...dashboard,
    sales: getSales(user, locale),
    map: { metric, width, height, ...coverageMapFacts(dashboard.coverage.countries, metric) },
    trends: getTrends(user, grain),
  };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.dashboardTitle"));

export default function CampaignDashboard() {
  const { progress, targets, pendingStores, coverage, quality, sales, map, trends } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const href = useHref();
  return (
    <div className="space-y-10">
      <PageHeading title={t("admin.dashboardTitle")} />
      <section aria-labelledby="progress-heading" className="grid gap-4 md:grid-cols-2">
        <h2 id="progress-heading" className="sr-only">
          {t("home.progressTitle")}
        </h2>
        <Progress
          label={t("home.progressStores")}
          value={progress.approvedStores}
          target={targets.stores}
          testId="admin-progress-stores"
        />
        <Progress
          label={t("home.progressProducts")}
          value={progress.activeProducts}
          target={targets.products}
          testId="admin-progress-products"
        />
      </section>
      {pendingStores > 0 ? (
        <Notice tone="warning" announce={false}>
          <Link to={href("/admin/stores?status=pending")} className="font-medium underline">
            {t("admin.pendingApplications", { count: pendingStores })}
          </Link>
        </Notice>
      ) : null}
      <section aria-labelledby="quality-heading">
        <h2 id="quality-heading" className="mb-3 text-lg font-bold text-clay-900">
          {t("admin.quality")}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-3" data-testid="listing-quality">
          <Stat label={t("sell.missingTranslation")} value={quality.missingTranslation} />
          <Stat label={t("sell.missingImage")} value={quality.missingImage} />
          <Stat label={t("sell.soldOut")} value={quality.outOfStock} />
        </dl>
      </section>
      <section aria-labelledby="sales-heading" data-testid="sales">
        <h2 id="sales-heading" className="mb-1 text-lg font-bold text-clay-900">
          {t("admin.sales")}
        </h2>
        {sales.orders === 0 ? (
          <p className="text-sm text-stone-700">{t("admin.noSales")}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-stone-700" data-testid="sales-total">
              {t("admin.salesTotal", { count: sales.orders, amount: formatMoney(sales.totalCents, "USD", locale) })}
            </p>
            <p className="mb-3 text-sm text-stone-700" data-testid="sales-split">
              {t("admin.salesSplit", {
                goods: formatMoney(sales.goodsCents, "USD", locale),
                shipping: formatMoney(sales.shippingCents, "USD", locale),
                tax: formatMoney(sales.taxCents, "USD", locale),
              })}
            </p>
            <div className="grid gap-6 lg:grid-cols-3">
              <SalesTable
                title={t("admin.salesByFestival")}
                rows={sales.byFestival.map((r) => ({ ...r, name: r.key === "none" ? t("admin.noFestival") : r.name }))}
                testId="sales-festival"
              />
              <SalesTable title={t("admin.salesByStore")} rows={sales.byStore} testId="sales-store" />
              <SalesTable title={t("admin.salesByCountry")} rows={sales.byCountry} testId="sales-country" />
            </div>
          </>
        )}
      </section>
      <CoverageMap
        metric={map.metric}
        rows={coverage.countries}
        legend={map.legend}
        missing={map.missing}
        represented={map.represented}
        total={map.total}
        width={map.width}
        height={map.height}
        keep={`trend=${trends.grain}`}
      />
      <Trends grain={trends.grain} buckets={trends.buckets} keep={`map=${map.metric}`} />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading" className="mb-3 text-lg font-bold text-clay-900">
            {t("admin.coverageCategories")}
          </h2>
          <BarChart rows={coverage.categories} testId="coverage-categories" />
        </section>
      </div>
    </div>
  );
}

function Progress({ label, value, target, testId }: { label: string; value: number; target: number; testId: string }) {
  const t = useT();
  const percent = Math.min(100, Math.round((value / target) * 100));
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4" data-testid={testId}>
      <p className="text-sm text-stone-700">{label}</p>
      <p className="mt-1 text-2xl font-bold text-clay-900">{t("home.progressOf", { value, target })}</p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={value}
        className="mt-2 h-3 overflow-hidden rounded bg-stone-200"
      >
        <div className="h-full bg-clay-700" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <dt className="text-sm text-stone-700">{label}</dt>
      <dd className="mt-1 text-2xl font-bold text-clay-900">{value}</dd>
    </div>
  );
}

/** A ranked chart that is also a readable table (screen readers get the numbers). */
function BarChart({ rows, testId }: { rows: CoverageRow[]; testId: string }) {
  const t = useT();
  const top = Math.max(1, ...rows.map((r) => r.products));
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t("admin.name")}</th>
          <th scope="col">{t("admin.productsCount")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.products === 0 ? "text-stone-600" : undefined}>
            <th scope="row" className="w-40 py-0.5 pr-2 text-left font-normal">
              {r.name}
            </th>
            <td className="py-0.5">
              <span className="flex items-center gap-2">
                <span
                  aria-hidden="true"
                  className="inline-block h-3 rounded bg-clay-600"
                  style={{ width: `${(r.products / top) * 70}%` }}
                />
                <span>{r.products}</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SalesTable({ title, rows, testId }: { title: string; rows: SalesRow[]; testId: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <table className="w-full text-left text-sm" data-testid={testId}>
      <caption className="mb-1 text-left font-semibold text-clay-900">{title}</caption>
      <thead>
        <tr className="border-b border-stone-300">
          <th scope="col">{t("admin.name")}</th>
          <th scope="col">{t("admin.units")}</th>
          <th scope="col">{t("admin.colGoods")}</th>
          <th scope="col">{t("admin.colShipping")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-stone-200">
            <th scope="row" className="py-1 pr-2 font-normal">
              {r.name}
            </th>
            <td>{r.units}</td>
            <td>{formatMoney(r.revenueCents, "USD", locale)}</td>
            <td>{r.shippingCents === null ? "—" : formatMoney(r.shippingCents, "USD", locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
