import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { getOwnerDashboard, type DashboardItem } from "#app/models/owner/dashboard.server.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const { store } = requireOwner({ request, context });
  return getOwnerDashboard(store, locale);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("sell.title"));

export default function SellDashboard() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
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
      <div className="grid gap-6 md:grid-cols-2">
        <ItemList title={t("sell.soldOut")} items={data.soldOut} testId="sold-out" />
        <ItemList title={t("sell.lowStock")} items={data.lowStock} testId="low-stock" showStock />
        <ItemList title={t("sell.missingTranslation")} items={data.missingTranslation} testId="missing-translation" />
        <ItemList title={t("sell.missingImage")} items={data.missingImage} testId="missing-image" />
      </div>
    </>
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
      <h2 className="mb-2 font-semibold text-clay-900">
        {title} <span className="text-sm font-normal text-stone-600">({items.length})</span>
      </h2>
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
