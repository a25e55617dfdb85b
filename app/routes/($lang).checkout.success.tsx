import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { PageHeading } from "#app/components/layout.tsx";
import { OrderView } from "#app/components/order-view.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { orderAccessToken } from "#app/models/orders.server.ts";
import { requireViewableOrder } from "#app/utils/order-access.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

/**
 * After payment: the order as the payment events recorded it. This page marks nothing paid; while
 * the order is pending it looks again every few seconds (a meta refresh without JavaScript).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const order = requireViewableOrder({ request, context }, new URL(request.url).searchParams.get("order"));
  // The lasting link for guests (signed; opens this order only).
  return {
    order,
    link: `/account/orders/${order.id}?token=${orderAccessToken(order.id)}`,
    signedIn: context.user !== null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ location, data }) => [
  ...pageMeta(location, (t) => t("success.title")),
  ...(data?.order.status === "pending_payment" ? [{ httpEquiv: "refresh", content: "4" } as const] : []),
];

export default function CheckoutSuccess() {
  const { order, link, signedIn } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const revalidator = useRevalidator();
  useEffect(() => {
    if (order.status !== "pending_payment") return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [order.status, revalidator]);
  const headline =
    order.status === "pending_payment"
      ? t("success.pending")
      : order.status === "cancelled" || order.status === "expired"
        ? t("success.cancelled")
        : t("success.paid");
  return (
    <>
      <PageHeading title={t("success.title")} />
      <p
        role="status"
        aria-live="polite"
        className="mb-6 rounded border border-stone-300 bg-white p-4 text-lg font-semibold"
        data-testid="success-state"
      >
        {headline}
      </p>
      <OrderView order={order} />
      <div className="mt-6 rounded border border-stone-200 bg-white p-4 text-sm">
        {signedIn ? (
          <Link to={href("/account/orders")} className="text-clay-700 underline">
            {t("success.allOrders")}
          </Link>
        ) : (
          <>
            <p>{t("success.guestLink")}</p>
            <Link to={href(link)} className="break-all text-clay-700 underline" data-testid="guest-order-link">
              {href(link)}
            </Link>
            <p className="mt-3">
              {t("success.signupHint")}{" "}
              <Link
                to={href(`/signup?${new URLSearchParams({ redirectTo: href("/account/orders") })}`)}
                className="font-semibold text-clay-700 underline"
                data-testid="signup-to-keep"
              >
                {t("success.signupLink")}
              </Link>
            </p>
          </>
        )}
      </div>
    </>
  );
}
