import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { OrderVouchers } from "#app/components/order-vouchers.tsx";
import { orderVoucherData } from "#app/models/vouchers/vouchers.server.ts";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { StaffOrderView } from "#app/components/staff-order.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { listOrderEvents } from "#app/models/order-lifecycle.server.ts";
import { getOrderForStaff } from "#app/models/orders.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { orderIdParam } from "#app/utils/order-access.server.ts";
import { refundAction } from "#app/utils/refund-action.server.ts";

/** One order as its store sees it: only the store's lines (another store's order is "not found"). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { store } = requireOwner({ request, context });
  const order = getOrderForStaff(orderIdParam(params.id), { store }, context.locale);
  if (!order) notFound();
  return {
    order,
    events: listOrderEvents(order.id, { withNames: true }),
    ...orderVoucherData(order.id, context.locale, { storeId: store.id }),
  };
}

/** Refunds of the store's own lines. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { store, user } = requireOwner({ request, context });
  return refundAction(await request.formData(), orderIdParam(params.id), { kind: "owner", userId: user.id, store });
}

export const meta: MetaFunction<typeof loader> = ({ location, data }) =>
  pageMeta(location, (t) => (data ? t("order.number", { id: data.order.id }) : t("sell.ordersTitle")));

export default function StoreOrder() {
  const { order, events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  return (
    <>
      <Link to={href("/sell/orders")} className="text-sm text-clay-700 underline">
        {t("sell.ordersTitle")}
      </Link>
      <PageHeading title={t("order.number", { id: order.id })} />
      <p className="-mt-4 mb-6 text-sm">
        <Link
          to={href(`/sell/orders/${order.id}/packing-slip`)}
          className="text-clay-700 underline"
          data-testid="packing-slip-link"
        >
          {t("slip.open")}
        </Link>
      </p>
      <StaffOrderView order={order} events={events} result={result} />
      <OrderVouchers />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
