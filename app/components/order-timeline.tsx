import { useCarrierName } from "#app/components/shipment.tsx";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import type { TimelineEntry } from "#app/models/order-lifecycle.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { useMoneyText } from "#app/components/price.tsx";

/** Reason codes the app writes; anything else is a person's own words (a refund reason) and shown as typed. */
const REASON_CODES = new Set([
  "placed",
  "superseded",
  "cancelled-by-shopper",
  "payment-start-failed",
  "reservation-ended",
  "late-payment",
  "before-timeline",
  "amount-mismatch",
  "late-no-stock",
]);

/** An order's timeline, oldest first: every status change and what happened between them, and who did it. */
export function OrderTimeline({ events, currency }: { events: TimelineEntry[]; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const carrierName = useCarrierName();
  const moneyText = useMoneyText();
  if (events.length === 0) return null;
  const money = (cents: unknown) => moneyText(typeof cents === "number" ? cents : 0, currency);
  const describe = (e: TimelineEntry): string => {
    const d = e.detail ?? {};
    switch (e.kind) {
      case "status":
        return e.toStatus ? t(`order.status.${e.toStatus}` as MessageKey) : "";
      case "line_shipped":
        return t("timeline.lineShipped", {
          title: String(d.title ?? ""),
          carrier: carrierName(String(d.carrier ?? "")),
          tracking: String(d.tracking ?? ""),
        });
      case "refund_requested":
      case "refund_succeeded":
      case "refund_failed":
        return t(`timeline.${e.kind}` as MessageKey, { amount: money(d.amountCents) });
      default:
        return t(`timeline.${e.kind}` as MessageKey);
    }
  };
  return (
    <section aria-labelledby="order-timeline" className="text-sm">
      <h2 id="order-timeline" className="mb-2 font-semibold text-clay-900">
        {t("timeline.title")}
      </h2>
      <ol className="space-y-2 border-l-2 border-stone-200 pl-4" data-testid="order-timeline">
        {events.map((e) => (
          <li key={e.id} className="relative">
            <span aria-hidden className="absolute top-1.5 -left-[1.4rem] h-2 w-2 rounded-full bg-clay-700" />
            <p className="font-medium text-stone-900">{describe(e)}</p>
            <p className="text-xs text-stone-600">
              <time dateTime={e.at}>{formatDateTime(e.at, locale, CHINA_TIME_ZONE)}</time>
              {" · "}
              {e.actorName ?? t(`timeline.actor.${e.actorKind}` as MessageKey)}
              {e.reason
                ? ` · ${REASON_CODES.has(e.reason) ? t(`timeline.reason.${e.reason}` as MessageKey) : e.reason}`
                : ""}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
