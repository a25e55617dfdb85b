import { ShippingAddress } from "#app/components/shipping-address.tsx";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input, Select } from "#app/components/ui/input.tsx";
import { Shipment } from "#app/components/shipment.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { listStoreOrderLines, markLineShipped } from "#app/models/orders.server.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { formInt, formText } from "#app/utils/form-values.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { formatMoney } from "#app/utils/money.ts";
import { parseEnum, parsePage } from "#app/utils/params.ts";
import { CARRIERS, CARRIER_NAMES, TRACKING_NUMBER_PATTERN } from "#app/utils/tracking.ts";

const SHOW = ["to-ship", "shipped", "all"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { store } = requireOwner({ request, context });
  const url = new URL(request.url);
  const show = parseEnum(url.searchParams.get("show"), SHOW, "to-ship");
  return {
    show,
    ...listStoreOrderLines(store, {
      show,
      page: parsePage(url.searchParams.get("page")),
      locale: context.locale,
    }),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { store, user } = requireOwner({ request, context });
  const form = await request.formData();
  const lineId = formInt(form, "lineId");
  if (lineId === null) return data({ ok: false, lineId, message: "admin.errorBadRequest" }, { status: 400 });
  // New shipments name a carrier from the list (older lines keep the free text they were saved with).
  const carrier = formText(form, "carrier");
  if (!(CARRIER_NAMES as readonly string[]).includes(carrier))
    return data({ ok: false, lineId, message: "sell.shipBadCarrier" }, { status: 400 });
  const result = markLineShipped(
    store,
    lineId,
    {
      carrier,
      trackingNumber: formText(form, "tracking"),
    },
    { kind: "owner", userId: user.id },
  );
  if (!result.ok) {
    const message =
      result.error === "badInput"
        ? "sell.shipBadInput"
        : result.error === "notPaid"
          ? "sell.shipNotPaid"
          : result.error === "refunded"
            ? "sell.shipRefunded"
            : result.error === "refundPending"
              ? "sell.shipRefundPending"
              : "admin.errorNotFound";
    const status = result.error === "notFound" ? 404 : result.error === "badInput" ? 400 : 409;
    return data({ ok: false, lineId, message }, { status });
  }
  return { ok: true, lineId, message: "sell.shipped" };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("sell.ordersTitle"));

export default function StoreOrders() {
  const { show, items, pagination, toShip } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  return (
    <>
      <PageHeading title={t("sell.ordersTitle")} subtitle={t("sell.toShip", { count: toShip })} />
      <nav aria-label={t("sell.ordersTitle")} className="mb-4 flex gap-2">
        {SHOW.map((s) => (
          <Link
            key={s}
            to={href(`/sell/orders?show=${s}`)}
            aria-current={s === show ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-sm ${s === show ? "bg-clay-700 text-white" : "bg-clay-100 text-clay-900"}`}
          >
            {t(`sell.show.${s}` as MessageKey)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState title={t("sell.noOrders")} />
      ) : (
        <ul className="space-y-4" data-testid="store-order-lines">
          {items.map((line) => (
            <li
              key={line.lineId}
              className="rounded-lg border border-stone-200 bg-white p-4 text-sm"
              data-testid={`order-line-${line.lineId}`}
            >
              <div className="flex flex-wrap justify-between gap-2">
                <p className="font-semibold">
                  <Link to={href(`/sell/orders/${line.orderId}`)} className="text-clay-700 underline">
                    {t("order.number", { id: line.orderId })}
                  </Link>{" "}
                  · {line.title} × {line.quantity}
                </p>
                <p>{formatMoney(line.unitCents * line.quantity, "USD", locale)}</p>
              </div>
              {line.storeShipping ? (
                <p className="text-xs text-stone-700" data-testid={`order-line-shipping-${line.lineId}`}>
                  {t("sell.orderShipping", {
                    method: t(`shipping.method.${line.storeShipping.method}` as MessageKey),
                    amount:
                      line.storeShipping.costCents === 0
                        ? t("shipping.free")
                        : formatMoney(line.storeShipping.costCents, "USD", locale),
                  })}
                </p>
              ) : null}
              {line.paidAt ? (
                <p className="text-xs text-stone-600">
                  {t("sell.paidAt")}{" "}
                  <time dateTime={line.paidAt}>{formatDateTime(line.paidAt, locale, CHINA_TIME_ZONE)}</time>
                </p>
              ) : null}
              <ShippingAddress shipping={line.shipping} className="mt-2 text-stone-800" showCustoms={false} />
              {result && result.lineId === line.lineId ? (
                <p
                  role={result.ok ? "status" : "alert"}
                  className={`mt-2 ${result.ok ? "text-green-800" : "text-red-800"}`}
                >
                  {t(result.message as MessageKey)}
                </p>
              ) : null}
              {line.shippedAt ? (
                <p className="mt-2 text-green-900">
                  <Shipment carrier={line.carrier} trackingNumber={line.trackingNumber} />
                </p>
              ) : (
                <Form method="post" className="mt-3 flex flex-wrap items-end gap-2">
                  <input type="hidden" name="lineId" value={line.lineId} />
                  <div>
                    <label htmlFor={`carrier-${line.lineId}`} className="block text-xs font-medium text-stone-700">
                      {t("sell.carrier")}
                    </label>
                    <Select
                      compact
                      id={`carrier-${line.lineId}`}
                      name="carrier"
                      required
                      defaultValue=""
                      className="w-44"
                    >
                      <option value="" disabled>
                        {t("sell.chooseCarrier")}
                      </option>
                      {CARRIERS.map((c) => (
                        <option key={c.name} value={c.name}>
                          {t(c.key)}
                        </option>
                      ))}
                    </Select>
                  </div>
                  <div>
                    <label htmlFor={`tracking-${line.lineId}`} className="block text-xs font-medium text-stone-700">
                      {t("sell.tracking")}
                    </label>
                    <Input
                      compact
                      id={`tracking-${line.lineId}`}
                      name="tracking"
                      required
                      maxLength={80}
                      pattern={TRACKING_NUMBER_PATTERN}
                      title={t("sell.trackingHint")}
                      className="w-48"
                    />
                  </div>
                  <Button size="sm">{t("sell.markShipped")}</Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination pagination={pagination} />
    </>
  );
}
