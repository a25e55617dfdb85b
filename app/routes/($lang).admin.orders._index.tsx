import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { OrderStatusBadge } from "#app/components/order-view.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input, Select } from "#app/components/ui/input.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { listOrdersForOrganizer } from "#app/models/orders.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { formatMoney } from "#app/utils/money.ts";
import { parsePage } from "#app/utils/params.ts";
import { ORDER_STATUS_LIST } from "#app/models/order-transitions.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const organizer = requireOrganizer({ request, context });
  const url = new URL(request.url);
  const asked = url.searchParams.get("status");
  const status = ORDER_STATUS_LIST.find((s) => s === asked) ?? null;
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  return {
    status,
    q,
    ...listOrdersForOrganizer(organizer, { status, q, page: parsePage(url.searchParams.get("page")) }),
  };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.navOrders"));

export default function AdminOrders() {
  const { items, pagination, status, q } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  return (
    <>
      <PageHeading title={t("admin.navOrders")} />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <div>
          <label htmlFor="orders-q" className="block text-xs font-medium text-stone-700">
            {t("admin.ordersSearch")}
          </label>
          <Input compact id="orders-q" name="q" defaultValue={q} className="w-64" />
        </div>
        <div>
          <label htmlFor="orders-status" className="block text-xs font-medium text-stone-700">
            {t("admin.ordersStatus")}
          </label>
          <Select compact id="orders-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("admin.ordersAnyStatus")}</option>
            {ORDER_STATUS_LIST.map((s) => (
              <option key={s} value={s}>
                {t(`order.status.${s}` as MessageKey)}
              </option>
            ))}
          </Select>
        </div>
        <Button variant="secondary" size="sm">
          {t("admin.ordersFilter")}
        </Button>
      </Form>
      {items.length === 0 ? (
        <EmptyState title={t("admin.ordersNone")} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="admin-orders">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2">
                  {t("admin.ordersNumber")}
                </th>
                <th scope="col">{t("admin.ordersStatus")}</th>
                <th scope="col">{t("admin.ordersShopper")}</th>
                <th scope="col">{t("checkout.total")}</th>
                <th scope="col">{t("admin.ordersPlaced")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id} className="border-b border-stone-200">
                  <td className="py-2">
                    <Link to={href(`/admin/orders/${o.id}`)} className="font-medium text-clay-700 underline">
                      #{o.id}
                    </Link>
                  </td>
                  <td>
                    <OrderStatusBadge status={o.status} sold={o.sold} flagged={o.flagged} />
                  </td>
                  <td className="break-all">{o.email}</td>
                  <td>
                    {formatMoney(o.totalCents, o.currency, locale)}
                    {o.refundedCents > 0 ? (
                      <span className="block text-xs text-stone-600">
                        {t("refund.refundedTotal", { amount: formatMoney(o.refundedCents, o.currency, locale) })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <time dateTime={o.createdAt}>{formatDateTime(o.createdAt, locale, CHINA_TIME_ZONE)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination pagination={pagination} />
    </>
  );
}
