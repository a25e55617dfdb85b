import { OrderChargeLines } from "#app/components/delivery.tsx";
import { ShippingAddress } from "#app/components/shipping-address.tsx";
import { Form, useNavigation } from "@remix-run/react";
import { OrderStatusBadge } from "#app/components/order-view.tsx";
import { OrderTimeline } from "#app/components/order-timeline.tsx";
import { Shipment } from "#app/components/shipment.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input, Textarea } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import type { TimelineEntry } from "#app/models/order-lifecycle.server.ts";
import type { StaffOrder, StaffOrderLine } from "#app/models/orders.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { formatMoney } from "#app/utils/money.ts";
import type { RefundActionResult } from "#app/utils/refund-action.server.ts";

/**
 * One order as staff see it (the owner: their lines; organizers: all): lines with what was shipped
 * and refunded, the shopper's address, a refund form per line while the order can be refunded, and
 * the timeline with who did what.
 */
export function StaffOrderView({
  order,
  events,
  result,
}: {
  order: StaffOrder;
  events: TimelineEntry[];
  result?: RefundActionResult;
}) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, order.currency, locale);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-4">
        <p className="flex flex-wrap items-center gap-3 text-sm text-stone-700">
          <OrderStatusBadge status={order.status} sold={order.sold} flagged={order.flag !== null} />
          <time dateTime={order.createdAt}>{formatDateTime(order.createdAt, locale, CHINA_TIME_ZONE)}</time>
          <span>{order.email}</span>
          {order.storePart ? (
            <span data-testid="store-part">
              {t("staff.storePart", {
                goods: money(order.storePart.goodsCents),
                shipping: money(order.storePart.shippingCents),
                total: money(order.storePart.totalCents),
              })}
              {order.storePart.refundedCents > 0
                ? ` · ${t("refund.refundedTotal", { amount: money(order.storePart.refundedCents) })}`
                : ""}
            </span>
          ) : (
            <span>
              {t("checkout.total")}: {money(order.totalCents)}
              {order.refundedCents > 0 ? ` · ${t("refund.refundedTotal", { amount: money(order.refundedCents) })}` : ""}
            </span>
          )}
        </p>
        <OrderChargeLines charges={order.charges} currency={order.currency} />
        {order.flag ? <Notice tone="warning">{order.flag}</Notice> : null}
        {result && result.lineId === null ? <Notice tone="error">{t(result.message)}</Notice> : null}
        <ul className="space-y-4" data-testid="staff-order-lines">
          {order.lines.map((line) => (
            <li key={line.id} className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
              <div className="flex flex-wrap justify-between gap-2">
                <p className="font-semibold">
                  {line.title} × {line.quantity}
                  <span className="block text-xs font-normal text-stone-600">{line.storeName}</span>
                </p>
                <p>{money(line.unitCents * line.quantity)}</p>
              </div>
              <p className="mt-1 text-xs text-stone-700">
                {line.shippedAt ? (
                  <Shipment carrier={line.carrier} trackingNumber={line.trackingNumber} />
                ) : (
                  t("order.notShipped")
                )}
                {line.refundedCents > 0
                  ? ` · ${t("refund.lineRefunded", { count: line.refundedQuantity, amount: money(line.refundedCents) })}`
                  : ""}
              </p>
              {result && result.lineId === line.id ? (
                <Notice tone={result.ok ? "success" : "error"} className="mt-2" data-testid="refund-result">
                  {t(result.message, { amount: money(result.amountCents ?? 0) })}
                </Notice>
              ) : null}
              {order.refundable && line.refundable.amountCents > 0 ? (
                <RefundForm
                  line={line}
                  money={money}
                  // Open again after a refusal on this line (to correct it); closed after anything else.
                  open={result?.lineId === line.id && !result.ok}
                />
              ) : null}
            </li>
          ))}
        </ul>
        <ShippingAddress shipping={order.shipping} className="text-sm text-stone-800" />
      </div>
      <OrderTimeline events={events} currency={order.currency} />
    </div>
  );
}

function RefundForm({ line, money, open }: { line: StaffOrderLine; money: (cents: number) => string; open: boolean }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const id = (name: string) => `refund-${name}-${line.id}`;
  return (
    <details open={open} className="mt-3 rounded border border-stone-200 p-3" data-testid={`refund-form-${line.id}`}>
      <summary className="cursor-pointer font-medium text-clay-900">{t("refund.open")}</summary>
      <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="refund" />
        <input type="hidden" name="lineId" value={line.id} />
        <div>
          <label htmlFor={id("quantity")} className="block text-xs font-medium text-stone-700">
            {t("refund.quantity", { count: line.refundable.quantity })}
          </label>
          <Input
            compact
            id={id("quantity")}
            name="quantity"
            type="number"
            min={0}
            max={line.refundable.quantity}
            defaultValue={line.refundable.quantity > 0 ? 1 : 0}
            inputMode="numeric"
          />
        </div>
        <div>
          <label htmlFor={id("amount")} className="block text-xs font-medium text-stone-700">
            {t("refund.amount", { max: money(line.refundable.amountCents) })}
          </label>
          <Input
            compact
            id={id("amount")}
            name="amount"
            inputMode="decimal"
            placeholder="0.00"
            pattern="\d{1,7}(\.\d{1,2})?"
          />
        </div>
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="restock" defaultChecked className="h-4 w-4" />
          {line.shippedAt ? t("refund.restockReturned") : t("refund.restockUnshipped")}
        </label>
        <div className="sm:col-span-2">
          <label htmlFor={id("reason")} className="block text-xs font-medium text-stone-700">
            {t("refund.reason")}
          </label>
          <Textarea id={id("reason")} name="reason" required maxLength={500} rows={2} />
        </div>
        <div className="sm:col-span-2">
          <Button variant="danger" disabled={busy}>
            {t("refund.submit")}
          </Button>
        </div>
      </Form>
    </details>
  );
}
