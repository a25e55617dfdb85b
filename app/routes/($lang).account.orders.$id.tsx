import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { OrderVouchers } from "#app/components/order-vouchers.tsx";
import { orderVoucherData } from "#app/models/vouchers/vouchers.server.ts";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { OrderTimeline } from "#app/components/order-timeline.tsx";
import { OrderView } from "#app/components/order-view.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { cancelUnpaidOrder } from "#app/models/checkout.server.ts";
import { listOrderEvents } from "#app/models/order-lifecycle.server.ts";
import { getOrderForViewer } from "#app/models/orders.server.ts";
import { closePaymentPage, startPayment } from "#app/models/payments.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { formText } from "#app/utils/form-values.ts";
import { notFound } from "#app/utils/http.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { orderIdParam, requireViewableOrder } from "#app/utils/order-access.server.ts";
import { publicOrigin } from "#app/utils/origin.server.ts";
import { OrderReviews } from "#app/components/reviews/order-reviews.tsx";
import { listReviewableLines } from "#app/models/reviews.server.ts";

/** An order for its shopper, or for a guest holding the signed link; anyone else: log in, then 404. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const id = orderIdParam(params.id);
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const user = context.user;
  const order = getOrderForViewer(id, { userId: user?.id ?? null, token }, locale);
  if (!order) {
    if (!user && !token)
      throw redirect(`${localizePath("/login", locale)}?${new URLSearchParams({ redirectTo: url.pathname })}`);
    notFound();
  }
  const events = listOrderEvents(order.id);
  const lastEvent = events.at(-1);
  return {
    order,
    events,
    paymentFailed: order.canPay && lastEvent?.kind === "payment_failed",
    // Reviews are for the signed-in buyer only (a guest's token link shows none; decision 028).
    reviewLines: user ? listReviewableLines(user.id, order.id, locale) : [],
    ...orderVoucherData(order.id, locale),
  };
}

type ActionResult = { ok: false; message: MessageKey } | { ok: true; message: MessageKey };

/**
 * The shopper's own moves on an unpaid order (POST, with the origin check every POST gets):
 * pay again (a new or the still-open payment page) or cancel (the reservation is released).
 */
export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const order = requireViewableOrder(args, args.params.id);
  const intent = formText(await request.formData(), "intent");
  const shopper = { kind: "shopper" as const, userId: context.user?.id ?? null };
  if (intent === "cancel") {
    const result = cancelUnpaidOrder(order.id, shopper, "cancelled-by-shopper");
    if (!result.ok) return data<ActionResult>({ ok: false, message: "order.cannotCancel" }, { status: 409 });
    await closePaymentPage(order.id);
    return data<ActionResult>({ ok: true, message: "order.cancelledNow" });
  }
  if (intent === "pay") {
    try {
      const started = await startPayment(order.id, publicOrigin(request));
      if (started.ok) return redirect(started.redirectTo);
      const message = started.error === "reservationEnded" ? "order.reservationEnded" : "order.cannotPay";
      return data<ActionResult>({ ok: false, message }, { status: 409 });
    } catch (error) {
      logger.error({ orderId: order.id }, `order page: could not start payment: ${errorMessage(error)}`);
      return data<ActionResult>({ ok: false, message: "checkout.providerDown" }, { status: 502 });
    }
  }
  return data<ActionResult>({ ok: false, message: "admin.errorBadRequest" }, { status: 400 });
}

export const meta: MetaFunction<typeof loader> = ({ location, data }) =>
  pageMeta(location, (t) => (data ? t("order.number", { id: data.order.id }) : t("order.myOrders")));

export default function OrderPage() {
  const { order, events, paymentFailed, reviewLines } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const until = formatDateTime(order.reservedUntil, locale, CHINA_TIME_ZONE);
  return (
    <>
      <PageHeading title={t("order.number", { id: order.id })} />
      {result ? (
        <Notice tone={result.ok ? "success" : "error"} className="mb-4" data-testid="order-action-result">
          {t(result.message)}
        </Notice>
      ) : null}
      {order.canPay ? (
        <section
          aria-labelledby="unpaid-heading"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4"
          data-testid="unpaid-order"
        >
          <h2 id="unpaid-heading" className="font-semibold text-amber-950">
            {paymentFailed
              ? t("order.paymentFailed")
              : search.get("payment") === "left"
                ? t("order.paymentLeft")
                : t("order.awaitingPayment")}
          </h2>
          <p className="mt-1 text-sm text-amber-950">{t("order.payUntil", { time: until })}</p>
          <Form method="post" className="mt-3 flex flex-wrap gap-3">
            <Button name="intent" value="pay" disabled={busy} data-testid="pay-again">
              {t("order.payNow")}
            </Button>
            <Button variant="secondary" name="intent" value="cancel" disabled={busy} data-testid="cancel-order">
              {t("order.cancel")}
            </Button>
          </Form>
        </section>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
        <OrderView order={order} />
        <OrderTimeline events={events} currency={order.currency} />
      </div>
      <OrderVouchers />
      <OrderReviews lines={reviewLines} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
