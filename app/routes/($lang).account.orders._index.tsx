import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { OrderStatusBadge } from "#app/components/order-view.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import { listOrdersForUser } from "#app/models/orders.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { MoneyText } from "#app/components/price.tsx";
import { parsePage } from "#app/utils/params.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser({ request, context });
  return listOrdersForUser(user.id, parsePage(new URL(request.url).searchParams.get("page")));
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("order.myOrders"));

export default function MyOrders() {
  const { items, pagination } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  return (
    <>
      <PageHeading title={t("order.myOrders")} />
      {items.length === 0 ? (
        <EmptyState title={t("order.none")}>
          <Link to={href("/festivals")} className="mt-3 inline-block text-clay-700 underline">
            {t("cart.browseFestivals")}
          </Link>
        </EmptyState>
      ) : (
        <table className="w-full text-left text-sm" data-testid="my-orders">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2">
                {t("order.order")}
              </th>
              <th scope="col">{t("admin.when")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">{t("checkout.total")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id} className="border-b border-stone-200">
                <th scope="row" className="py-2 font-medium">
                  <Link to={href(`/account/orders/${o.id}`)} className="text-clay-700 underline">
                    {t("order.number", { id: o.id })}
                  </Link>{" "}
                  <span className="text-xs font-normal text-stone-600">{t("cart.items", { count: o.itemCount })}</span>
                </th>
                <td>
                  <time dateTime={o.createdAt}>{formatDateTime(o.createdAt, locale, CHINA_TIME_ZONE)}</time>
                </td>
                <td>
                  <OrderStatusBadge status={o.status} sold={o.sold} flagged={o.flagged} />
                </td>
                <td>
                  <MoneyText cents={o.totalCents} currency={o.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination pagination={pagination} />
    </>
  );
}
