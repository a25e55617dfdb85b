import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Notice } from "#app/components/ui/notice.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { OrderView } from "#app/components/order-view.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useT } from "#app/i18n/use-locale.ts";
import { orderAccessToken } from "#app/models/orders.server.ts";
import { applyPaymentEvent, paymentMode } from "#app/models/payments.server.ts";
import { formText } from "#app/utils/form-values.ts";
import { notFound } from "#app/utils/http.server.ts";
import { requireViewableOrder } from "#app/utils/order-access.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

/**
 * The local demo payment page (no STRIPE_SECRET_KEY, never in production): "pay" and "fail" send
 * the same internal payment event the Stripe webhook sends, through the same code.
 */
function demoOrder(args: LoaderFunctionArgs | ActionFunctionArgs) {
  if (paymentMode() !== "demo") notFound();
  return requireViewableOrder(args, args.params.id);
}

export async function loader(args: LoaderFunctionArgs) {
  return { order: demoOrder(args) };
}

export async function action(args: ActionFunctionArgs) {
  const { request, context } = args;
  const { locale } = context;
  const order = demoOrder(args);
  const intent = formText(await request.formData(), "intent");
  if (intent !== "pay" && intent !== "fail") throw new Response("Bad Request", { status: 400 });
  // A cancelled, expired or already paid order cannot be paid here (the page no longer offers it).
  if (!order.canPay) return data({ message: "order.cannotPay" as const }, { status: 409 });
  const token = orderAccessToken(order.id);
  applyPaymentEvent({
    // Paying twice pays once (one event id per order); each refusal is its own event on the timeline.
    id: intent === "pay" ? `demo_${order.id}_pay` : `demo_${order.id}_fail_${randomUUID()}`,
    type: intent === "pay" ? "paid" : "failed",
    orderId: order.id,
    provider: "demo",
    amountCents: order.totalCents,
    currency: order.currency,
    providerRef: `demo_${order.id}`,
  });
  if (intent === "fail") return redirect(`${localizePath(`/account/orders/${order.id}`, locale)}?token=${token}`);
  return redirect(`${localizePath("/checkout/success", locale)}?order=${order.id}&token=${token}`);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("demo.title"));

export default function DemoPayment() {
  const { order } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <p
        role="note"
        className="mb-4 rounded border-2 border-dashed border-sky-600 bg-sky-50 p-4 font-semibold text-sky-900"
        data-testid="demo-label"
      >
        {t("demo.label")}
      </p>
      <PageHeading title={t("demo.title")} />
      {refused ? (
        <Notice tone="error" className="mb-4">
          {t(refused.message)}
        </Notice>
      ) : null}
      <OrderView order={order} />
      {order.canPay ? (
        <Form method="post" className="mt-6 flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="pay"
            disabled={busy}
            className="rounded bg-green-700 px-5 py-2 font-semibold text-white hover:bg-green-800"
          >
            {t("demo.pay")}
          </button>
          <Button variant="danger" name="intent" value="fail" disabled={busy}>
            {t("demo.fail")}
          </Button>
        </Form>
      ) : (
        <p className="mt-6 text-sm text-stone-700">{t("demo.done")}</p>
      )}
    </>
  );
}
