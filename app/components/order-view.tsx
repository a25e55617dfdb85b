import { OrderChargeLines } from "#app/components/delivery.tsx";
import { ShippingAddress } from "#app/components/shipping-address.tsx";
import { MoneyText, useMoneyText } from "#app/components/price.tsx";
import { Shipment } from "#app/components/shipment.tsx";
import { Link } from "@remix-run/react";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import type { OrderDetail } from "#app/models/orders.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { formatMoney } from "#app/utils/money.ts";

export function OrderStatusBadge({
  status,
  sold,
  flagged,
}: {
  status: OrderDetail["status"];
  sold: boolean;
  flagged?: boolean;
}) {
  const t = useT();
  const tone = sold
    ? "bg-green-100 text-green-900"
    : status === "pending_payment"
      ? "bg-amber-100 text-amber-900"
      : "bg-stone-200 text-stone-800";
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${tone}`} data-testid="order-status">
      {t(`order.status.${status}` as MessageKey)}
      {flagged ? ` · ${t("order.flagged")}` : ""}
    </span>
  );
}

/** An order's lines, totals, state and shipping address, as its shopper sees it. */
export function OrderView({ order }: { order: OrderDetail }) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const moneyText = useMoneyText();
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-3 text-sm text-stone-700">
        <span>{t("order.number", { id: order.id })}</span>
        <OrderStatusBadge status={order.status} sold={order.sold} flagged={order.flagged} />
        <time dateTime={order.createdAt}>{formatDateTime(order.createdAt, locale, CHINA_TIME_ZONE)}</time>
      </p>
      <table className="w-full text-left text-sm" data-testid="order-lines">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2">
              {t("admin.product")}
            </th>
            <th scope="col">{t("cart.quantity")}</th>
            <th scope="col">{t("order.unitPrice")}</th>
            <th scope="col">{t("order.shippingState")}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id} className="border-b border-stone-200 align-top">
              <td className="py-2 pr-2">
                {line.title}
                <span className="block text-xs text-stone-600">
                  <Link to={href(`/stores/${line.storeSlug}`)} className="underline">
                    {line.storeName}
                  </Link>
                  {line.festivalName ? ` · ${line.festivalName}` : ""}
                  {line.flash ? ` · ${t("slots.heading")}` : ""}
                </span>
              </td>
              <td>{line.quantity}</td>
              <td>
                <MoneyText cents={line.unitCents} currency={order.currency} />
                {line.unitCents < line.regularCents ? (
                  <s className="ml-1 text-xs text-stone-600">
                    <MoneyText cents={line.regularCents} currency={order.currency} />
                  </s>
                ) : null}
              </td>
              <td className="text-xs">
                {line.shippedAt ? (
                  <Shipment carrier={line.carrier} trackingNumber={line.trackingNumber} />
                ) : (
                  t("order.notShipped")
                )}
                {line.refundedCents > 0 ? (
                  <span className="block text-stone-700">
                    {t("refund.lineRefunded", {
                      count: line.refundedQuantity,
                      amount: moneyText(line.refundedCents, order.currency),
                    })}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <OrderChargeLines charges={order.charges} currency={order.currency} />
      <p className="text-right text-lg font-semibold" data-testid="order-total">
        {t("checkout.total")}: <MoneyText cents={order.totalCents} currency={order.currency} />
        {locale === "zh" && order.currency === "USD" ? (
          <span className="block text-xs font-normal text-stone-700" data-testid="order-charged-currency">
            {t("fx.charged", { amount: formatMoney(order.totalCents, order.currency, locale) })}
          </span>
        ) : null}
        {order.refundedCents > 0 ? (
          <span className="block text-sm font-normal text-stone-700">
            {t("refund.refundedTotal", { amount: moneyText(order.refundedCents, order.currency) })}
          </span>
        ) : null}
      </p>
      <div className="text-sm text-stone-700">
        <h2 className="font-semibold text-clay-900">{t("checkout.shipping")}</h2>
        <ShippingAddress shipping={order.shipping} />
      </div>
    </div>
  );
}
