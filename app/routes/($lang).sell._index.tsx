import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { SalesChart } from "#app/components/sales-chart.tsx";
import { buttonClass } from "#app/components/ui/button.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { SALES_PERIODS } from "#app/models/owner/sales-periods.ts";
import {
  getLinesToShip,
  getOwnerDashboard,
  getStoreSales,
  type DashboardItem,
  type LineToShip,
} from "#app/models/owner/dashboard.server.ts";
import { LOW_STOCK_THRESHOLD } from "#app/models/notify-events.server.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { formatMoney } from "#app/utils/money.ts";
import { parseEnum } from "#app/utils/params.ts";

const PERIODS = SALES_PERIODS.map(String) as ["7", "30", "90"];
// Orders are in US dollars (the catalog's currency); the console shows sales in it.
const CURRENCY = "USD";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const { store } = requireOwner({ request, context });
  const period = Number(parseEnum(new URL(request.url).searchParams.get("period"), PERIODS, "30")) as 7 | 30 | 90;
  return {
    ...getOwnerDashboard(store, locale),
    toShip: getLinesToShip(store),
    sales: getStoreSales(store, period, locale),
    lowStockThreshold: LOW_STOCK_THRESHOLD,
  };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("sell.title"));

export default function SellDashboard() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const listings = data.counts.active + data.counts.draft + data.counts.archived;
  return (
    <>
      <PageHeading
        title={data.store.name}
        subtitle={`${t("sell.storeStatus")}: ${t(`status.${data.store.status}` as MessageKey)}`}
      />
      {data.store.open ? (
        <p className="-mt-4 mb-6 text-sm">
          <Link to={href(`/stores/${data.store.slug}`)} className="text-clay-700 underline">
            {t("sell.viewStore")}
          </Link>
        </p>
      ) : null}
      {listings === 0 ? (
        <div className="mb-8 rounded-lg border border-dashed border-stone-300 bg-white p-6" data-testid="new-store">
          <p className="font-medium text-stone-800">{t("dash.newStore")}</p>
          <Link to={href("/sell/products/new")} className={buttonClass({ size: "sm", className: "mt-3" })}>
            {t("sell.newProduct")}
          </Link>
        </div>
      ) : null}
      {/* Orders to ship come first (the owner's next job); on a wide screen they sit beside the sales. */}
      <div className="mb-8 grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="lg:col-start-2 lg:row-start-1">
          <ToShip items={data.toShip.items} total={data.toShip.total} />
        </div>
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          <Sales sales={data.sales} />
        </div>
      </div>
      <h2 className="mb-2 font-semibold text-clay-900">{t("sell.listingCounts")}</h2>
      <dl className="mb-8 grid max-w-lg grid-cols-3 gap-3" data-testid="status-counts">
        {(["active", "draft", "archived"] as const).map((status) => (
          <div key={status} className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-xs text-stone-600">{t(`status.${status}`)}</dt>
            <dd className="text-2xl font-bold" data-testid={`count-${status}`}>
              {data.counts[status]}
            </dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-2 font-semibold text-clay-900">{t("dash.todoTitle")}</h2>
      <div className="grid gap-6 md:grid-cols-2">
        <ItemList title={t("sell.soldOut")} items={data.soldOut} testId="sold-out" />
        <ItemList
          title={`${t("sell.lowStock")} (${t("dash.lowStockHint", { count: data.lowStockThreshold })})`}
          items={data.lowStock}
          testId="low-stock"
          showStock
        />
        <ItemList title={t("dash.drafts")} items={data.drafts} testId="drafts" />
        <ItemList title={t("sell.missingTranslation")} items={data.missingTranslation} testId="missing-translation" />
        <ItemList title={t("sell.missingImage")} items={data.missingImage} testId="missing-image" />
      </div>
    </>
  );
}

function Sales({ sales }: { sales: ReturnType<typeof useLoaderData<typeof loader>>["sales"] }) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, CURRENCY, locale);
  return (
    <section aria-labelledby="dash-sales" className="min-w-0 space-y-4" data-testid="sales">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="dash-sales" className="font-semibold text-clay-900">
          {t("dash.salesTitle")}
        </h2>
        <nav aria-label={t("dash.periodNav")} className="flex gap-2" data-print="hide">
          {SALES_PERIODS.map((p) => (
            <Link
              key={p}
              to={href(`/sell?period=${p}`)}
              preventScrollReset
              aria-current={p === sales.period ? "page" : undefined}
              className={`rounded-full px-3 py-1 text-sm ${p === sales.period ? "bg-clay-700 text-white" : "bg-clay-100 text-clay-900"}`}
            >
              {t("dash.period", { count: p })}
            </Link>
          ))}
        </nav>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <div className="col-span-2 rounded-lg border border-stone-200 bg-white p-3 sm:col-span-1">
          <dt className="text-xs text-stone-600">{t("dash.revenueWithShipping")}</dt>
          <dd className="text-xl font-bold tabular-nums" data-testid="sales-revenue">
            {money(sales.revenueCents)}
          </dd>
          <dd className="mt-1 text-xs text-stone-700" data-testid="sales-revenue-split">
            {t("dash.revenueSplit", { goods: money(sales.goodsCents), shipping: money(sales.shippingCents) })}
            <span className="block text-stone-600">{t("dash.revenueNote")}</span>
          </dd>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">{t("dash.units")}</dt>
          <dd className="text-xl font-bold tabular-nums" data-testid="sales-units">
            {sales.units}
          </dd>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">{t("dash.orders")}</dt>
          <dd className="text-xl font-bold tabular-nums">{sales.orders}</dd>
        </div>
      </dl>
      <SalesChart days={sales.days} currency={CURRENCY} />
      <section
        aria-labelledby="dash-top"
        className="rounded-lg border border-stone-200 bg-white p-4"
        data-testid="top-products"
      >
        <h3 id="dash-top" className="mb-2 text-sm font-semibold text-clay-900">
          {t("dash.topProducts")}
        </h3>
        {sales.top.length === 0 ? (
          <p className="text-sm text-stone-600">{t("dash.topEmpty")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {sales.top.map((p) => (
              <li key={p.productId}>
                <Link to={href(`/sell/products/${p.productId}`)} className="text-clay-700 underline">
                  {p.title}
                </Link>{" "}
                <span className="text-stone-700">
                  · {t("dash.topLine", { count: p.units, revenue: money(p.revenueCents) })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}

function ToShip({ items, total }: { items: LineToShip[]; total: number }) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const age = (hours: number) =>
    hours < 48 ? t("dash.waitingHours", { count: hours }) : t("dash.waitingDays", { count: Math.floor(hours / 24) });
  return (
    <section
      aria-labelledby="dash-to-ship"
      className="rounded-lg border border-stone-200 bg-white p-4"
      data-testid="to-ship"
    >
      <h2 id="dash-to-ship" className="mb-2 font-semibold text-clay-900">
        {t("dash.toShipTitle")} <span className="text-sm font-normal text-stone-600">({total})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600">{t("dash.toShipEmpty")}</p>
      ) : (
        <ol className="divide-y divide-stone-100 text-sm">
          {items.map((line) => (
            <li key={line.lineId} className="py-2" data-testid={`to-ship-${line.lineId}`}>
              <Link to={href(`/sell/orders/${line.orderId}`)} className="font-medium text-clay-700 underline">
                {t("order.number", { id: line.orderId })}
              </Link>{" "}
              · {line.title} × {line.quantity}
              <span className="block text-xs text-stone-700">
                <span className={line.ageHours >= 72 ? "font-semibold text-red-800" : undefined}>
                  {age(line.ageHours)}
                </span>
                {" · "}
                <time dateTime={line.paidAt}>{formatDateTime(line.paidAt, locale, CHINA_TIME_ZONE)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      {total > 0 ? (
        <p className="mt-3 text-sm">
          <Link to={href("/sell/orders?show=to-ship")} className="text-clay-700 underline">
            {t("dash.toShipAll", { count: total })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function ItemList({
  title,
  items,
  testId,
  showStock,
}: {
  title: string;
  items: DashboardItem[];
  testId: string;
  showStock?: boolean;
}) {
  const t = useT();
  const href = useHref();
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4" data-testid={testId}>
      <h3 className="mb-2 font-semibold text-clay-900">
        {title} <span className="text-sm font-normal text-stone-600">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600">{t("sell.nothing")}</p>
      ) : (
        <ul className="space-y-1 text-sm" role="list">
          {items.map((item) => (
            <li key={item.id} className="flex justify-between gap-2">
              <Link to={href(`/sell/products/${item.id}`)} className="text-clay-700 underline">
                {item.title}
              </Link>
              {showStock ? <span className="text-stone-600">{item.stock}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
