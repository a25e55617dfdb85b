import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { OrderView } from "#app/components/order-view.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useT } from "#app/i18n/use-locale.ts";
import { getOrderForViewer } from "#app/models/orders.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

/** An order for its shopper, or for a guest holding the signed link; anyone else: log in, then 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const id = /^\d{1,9}$/.test(params.id ?? "") ? Number(params.id) : null;
  if (id === null) notFound();
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const user = context.user;
  const order = getOrderForViewer(id, { userId: user?.id ?? null, token }, locale);
  if (!order) {
    if (!user && !token)
      throw redirect(`${localizePath("/login", locale)}?${new URLSearchParams({ redirectTo: url.pathname })}`);
    notFound();
  }
  return { order };
}

export const meta: MetaFunction<typeof loader> = ({ location, data }) =>
  pageMeta(location, (t) => (data ? t("order.number", { id: data.order.id }) : t("order.myOrders")));

export default function OrderPage() {
  const { order } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeading title={t("order.number", { id: order.id })} />
      <OrderView order={order} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
