import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { OrderVouchers } from "#app/components/order-vouchers.tsx";
import { orderVoucherData } from "#app/models/vouchers/vouchers.server.ts";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { StaffOrderView } from "#app/components/staff-order.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { listOrderEvents } from "#app/models/order-lifecycle.server.ts";
import { getOrderForStaff } from "#app/models/orders.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { orderIdParam } from "#app/utils/order-access.server.ts";
import { refundAction } from "#app/utils/refund-action.server.ts";

/** Any order, every line, for organizers: its timeline with who acted, and refunds. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const organizer = requireOrganizer({ request, context });
  const order = getOrderForStaff(orderIdParam(params.id), { organizer }, context.locale);
  if (!order) notFound();
  return {
    order,
    events: listOrderEvents(order.id, { withNames: true }),
    ...orderVoucherData(order.id, context.locale),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const organizer = requireOrganizer({ request, context });
  return refundAction(await request.formData(), orderIdParam(params.id), { kind: "organizer", userId: organizer.id });
}

export const meta: MetaFunction<typeof loader> = ({ location, data }) =>
  pageMeta(location, (t) => (data ? t("order.number", { id: data.order.id }) : t("admin.navOrders")));

export default function AdminOrder() {
  const { order, events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  return (
    <>
      <Link to={href("/admin/orders")} className="text-sm text-clay-700 underline">
        {t("admin.navOrders")}
      </Link>
      <PageHeading title={t("order.number", { id: order.id })} />
      <StaffOrderView order={order} events={events} result={result} />
      <OrderVouchers />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
