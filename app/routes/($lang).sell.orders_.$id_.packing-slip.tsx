import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { pick } from "#app/models/localize.ts";
import { getOrderForStaff } from "#app/models/orders.server.ts";
import { CHINA_TIME_ZONE, formatDate } from "#app/utils/datetime.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { orderIdParam } from "#app/utils/order-access.server.ts";

/**
 * The packing slip of one order, for the parcel: the store, the order number, where it goes and
 * what goes in it (units still to send, after refunds). No prices. Printed with the browser's own
 * print command; the print stylesheet leaves only the slip on paper.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { store } = requireOwner({ request, context });
  const order = getOrderForStaff(orderIdParam(params.id), { store }, context.locale);
  if (!order) notFound();
  return {
    storeName: pick(store, "name", context.locale),
    order: {
      id: order.id,
      createdAt: order.createdAt,
      // The slip goes in the parcel: no customs details on it.
      shipping: { ...order.shipping, customs: null },
      lines: order.lines
        .map((l) => ({ id: l.id, title: l.title, quantity: l.quantity - l.refundedQuantity, shipped: !!l.shippedAt }))
        .filter((l) => l.quantity > 0),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ location, data }) =>
  pageMeta(location, (t) =>
    data ? `${t("slip.title")} · ${t("order.number", { id: data.order.id })}` : t("slip.title"),
  );

export default function PackingSlip() {
  const { storeName, order } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  return (
    <article
      className="mx-auto max-w-2xl rounded-lg border border-stone-200 bg-white p-6 print:border-0 print:p-0"
      data-testid="packing-slip"
    >
      <p data-print="hide" className="mb-4 flex flex-wrap justify-between gap-2 text-sm">
        <Link to={href(`/sell/orders/${order.id}`)} className="text-clay-700 underline">
          {t("order.number", { id: order.id })}
        </Link>
        <span className="text-stone-700">{t("slip.printHint")}</span>
      </p>
      <div className="border-b border-stone-300 pb-3">
        <p className="text-sm text-stone-700">{t("slip.title")}</p>
        <h1 className="text-2xl font-bold text-stone-900">{storeName}</h1>
        <p className="mt-1 text-lg font-semibold">{t("order.number", { id: order.id })}</p>
        <p className="text-sm text-stone-700">
          <time dateTime={order.createdAt}>{formatDate(order.createdAt, locale, CHINA_TIME_ZONE)}</time>
        </p>
      </div>
      <section aria-labelledby="slip-ship-to" className="mt-4">
        <h2 id="slip-ship-to" className="text-sm font-semibold text-stone-700">
          {t("slip.shipTo")}
        </h2>
        <address className="mt-1 text-base text-stone-900 not-italic" data-testid="slip-address">
          {order.shipping.name}
          {order.shipping.lines.map((line, i) => (
            <span key={i} className="block">
              {line}
            </span>
          ))}
          {order.shipping.phone}
        </address>
      </section>
      <table className="mt-6 w-full text-left text-sm" data-testid="slip-lines">
        <caption className="sr-only">{t("slip.contents")}</caption>
        <thead className="border-b border-stone-300 text-xs text-stone-700">
          <tr>
            <th scope="col" className="py-1 pr-2">
              {t("slip.item")}
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {t("slip.quantity")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("slip.packed")}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id} className="border-b border-stone-200">
              <td className="py-2 pr-2">{line.title}</td>
              <td className="py-2 pr-2 text-right text-base font-semibold tabular-nums">{line.quantity}</td>
              <td className="py-2 text-right">
                {line.shipped ? (
                  t("slip.alreadyShipped")
                ) : (
                  <>
                    <span aria-hidden>☐</span>
                    <span className="sr-only">{t("slip.toPack")}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
