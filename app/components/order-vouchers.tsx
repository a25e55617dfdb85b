import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import type { OrderVoucherData } from "#app/models/vouchers/vouchers.server.ts";
import { formatMoney } from "#app/utils/money.ts";
import { useVoucherRule } from "./voucher-claim.tsx";

/**
 * An order's vouchers (decision 034): each voucher with what it took off, who funds it and its share
 * on every line; for an owner, what their store is owed. The page's loader spreads
 * orderVoucherData(…) in; nothing shows for an order without vouchers.
 */
export function OrderVouchers() {
  const { orderVouchers: data } = useLoaderData<Partial<OrderVoucherData>>();
  const t = useT();
  const locale = useLocale();
  const rule = useVoucherRule();
  if (!data || data.vouchers.length === 0) return null;
  const money = (cents: number) => formatMoney(cents, data.currency, locale);
  const line = (id: number) => data.lines.find((l) => l.id === id);
  return (
    <section
      aria-labelledby="order-vouchers-heading"
      className="my-6 rounded-lg border border-stone-200 bg-white p-4"
      data-testid="order-vouchers"
    >
      <h2 id="order-vouchers-heading" className="mb-2 font-semibold text-clay-900">
        {t("vouchers.orderHeading")}
      </h2>
      <ul className="space-y-3 text-sm">
        {data.vouchers.map((v) => (
          <li key={v.voucherId} data-testid={`order-voucher-${v.scope}`}>
            <p className="flex flex-wrap justify-between gap-2 font-medium">
              <span>
                {v.scope === "store"
                  ? t("vouchers.appliedStore", { store: v.ownerName, rule: rule(v.rule) })
                  : t("vouchers.appliedFestival", { festival: v.ownerName, rule: rule(v.rule) })}{" "}
                <span className="text-xs font-normal text-stone-600">
                  ({t(`vouchers.fundedBy.${v.funder}` as MessageKey)})
                </span>
              </span>
              <span className="text-red-800">−{money(v.discountCents)}</span>
            </p>
            <ul className="mt-1 space-y-0.5 pl-4 text-stone-700">
              {v.lines.map((l) => (
                <li key={l.lineId} className="flex justify-between gap-2" data-testid="voucher-allocation">
                  <span>
                    {line(l.lineId)?.title}{" "}
                    <span className="text-xs text-stone-500">· {line(l.lineId)?.storeName}</span>
                  </span>
                  <span>−{money(l.cents)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {data.share ? (
        <dl
          className="mt-4 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-stone-200 pt-3 text-sm"
          data-testid="store-share"
        >
          <dt className="col-span-2 font-semibold text-clay-900">{t("vouchers.shareHeading")}</dt>
          <dt>{t("vouchers.shareGoods")}</dt>
          <dd className="text-right">{money(data.share.goodsCents)}</dd>
          {data.share.storeFundedCents > 0 ? (
            <>
              <dt>{t("vouchers.shareStoreFunded")}</dt>
              <dd className="text-right">−{money(data.share.storeFundedCents)}</dd>
            </>
          ) : null}
          {data.share.campaignFundedCents > 0 ? (
            <>
              <dt>{t("vouchers.shareCampaignFunded")}</dt>
              <dd className="text-right">{money(data.share.campaignFundedCents)}</dd>
            </>
          ) : null}
          {data.share.refundedCents > 0 ? (
            <>
              <dt>{t("vouchers.shareRefunded")}</dt>
              <dd className="text-right">−{money(data.share.refundedCents)}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("vouchers.shareOwed")}</dt>
          <dd className="text-right font-semibold" data-testid="store-owed">
            {money(data.share.owedCents)}
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
