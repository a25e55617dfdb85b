import type { OrderCharges } from "#app/models/shipping/order-charges.server.ts";
import { Form } from "@remix-run/react";
import type { Locale } from "#app/i18n/locales.ts";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { formatDate } from "#app/utils/datetime.ts";
import { formatFen, formatMoney } from "#app/utils/money.ts";
import { MoneyText, Price, useCnyRate, useMoneyText } from "./price.tsx";
import { Button } from "./ui/button.tsx";

/** What the loaders send of a priced delivery (app/models/shipping/delivery.server.ts). */
export interface DeliveryView {
  destination: string | null;
  stores: {
    storeId: number;
    options: {
      profileId: number;
      method: "postal" | "express";
      costCents: number;
      free: boolean;
      minDays: number;
      maxDays: number;
      arriveFrom: string;
      arriveBy: string;
    }[];
    chosen: DeliveryView["stores"][number]["options"][number] | null;
  }[];
  blockedProductIds: number[];
  shippingCents: number;
  tax:
    | { kind: "none" }
    | { kind: "estimate"; taxCents: number; taxFen: number; dutiableFen: number }
    | { kind: "refused"; error: "perTransactionLimit" | "annualLimit"; dutiableFen: number; remainingFen: number };
  taxCents: number;
  goodsCents: number;
  totalCents: number;
  ok: boolean;
}

/** A calendar day (YYYY-MM-DD, Beijing) in the reader's style. */
function day(iso: string, locale: Locale) {
  return formatDate(`${iso}T12:00:00+08:00`, locale);
}

export function ArrivalText({ from, to }: { from: string; to: string }) {
  const t = useT();
  const locale = useLocale();
  return <>{t("shipping.arrival", { from: day(from, locale), to: day(to, locale) })}</>;
}

/** The destination picker of the cart (no JavaScript needed: a form that posts and comes back). */
export function DestinationForm({
  destination,
  countries,
  back,
}: {
  destination: string;
  /** Named and sorted by the loader (the browser's country names differ from the server's). */
  countries: { code: string; name: string }[];
  back: string;
}) {
  const t = useT();
  const href = useHref();
  return (
    <Form method="post" action={href("/cart/delivery")} className="space-y-1" data-testid="destination-form">
      <input type="hidden" name="intent" value="destination" />
      <input type="hidden" name="back" value={back} />
      <label htmlFor="destination" className="block text-sm font-medium">
        {t("shipping.destination")}
      </label>
      <div className="flex gap-2">
        <select
          id="destination"
          name="destination"
          defaultValue={destination}
          key={destination}
          className="w-0 min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1.5 text-sm"
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <Button variant="secondary" size="sm">
          {t("shipping.change")}
        </Button>
      </div>
      <p className="text-xs text-stone-600">{t("shipping.destinationHelp")}</p>
    </Form>
  );
}

/** One store's shipping: its options for the destination (a choice when there are several) and arrival dates. */
export function StoreShipping({
  store,
  delivery,
  back,
  chooser = true,
}: {
  store: { id: number; name: string };
  delivery: DeliveryView;
  back: string;
  chooser?: boolean;
}) {
  const t = useT();
  const href = useHref();
  const s = delivery.stores.find((x) => x.storeId === store.id);
  if (!s || !s.chosen) return null;
  const cost = (o: { costCents: number; free: boolean }) => (o.free || o.costCents === 0 ? t("shipping.free") : null);
  const label = (o: DeliveryView["stores"][number]["options"][number]) => (
    <span className="flex flex-1 flex-wrap items-baseline justify-between gap-x-3">
      <span>
        <span className="font-medium">{t(`shipping.method.${o.method}` as MessageKey)}</span>{" "}
        <span className="text-xs text-stone-600">{t("shipping.days", { min: o.minDays, max: o.maxDays })}</span>
        <span className="block text-xs text-stone-700" data-testid="arrival">
          <ArrivalText from={o.arriveFrom} to={o.arriveBy} />
        </span>
      </span>
      <span className="font-medium">{cost(o) ?? <Price cents={o.costCents} currency="USD" />}</span>
    </span>
  );
  return (
    <div className="border-t border-stone-200 px-4 py-3 text-sm" data-testid={`store-shipping-${store.id}`}>
      {chooser && s.options.length > 1 ? (
        <Form method="post" action={href("/cart/delivery")}>
          <fieldset>
            <legend className="mb-1 font-medium">{t("shipping.chooseOption", { store: store.name })}</legend>
            <input type="hidden" name="intent" value="choose" />
            <input type="hidden" name="storeId" value={store.id} />
            <input type="hidden" name="back" value={back} />
            <div className="space-y-2">
              {s.options.map((o) => (
                <label key={o.profileId} className="flex items-start gap-2">
                  <input
                    type="radio"
                    name="profileId"
                    value={o.profileId}
                    defaultChecked={o.profileId === s.chosen!.profileId}
                    className="mt-1"
                    onChange={(e) => e.currentTarget.form?.requestSubmit()}
                  />
                  {label(o)}
                </label>
              ))}
            </div>
            <noscript>
              <Button variant="secondary" size="sm" className="mt-2">
                {t("shipping.useOption")}
              </Button>
            </noscript>
          </fieldset>
        </Form>
      ) : (
        <div className="flex gap-2">
          <span className="sr-only">{t("shipping.storeShipping", { store: store.name })}</span>
          {label(s.chosen)}
        </div>
      )}
    </div>
  );
}

/** Goods, shipping per store, the import tax estimate and the total, with the currency charged. */
export function DeliveryTotals({
  delivery,
  stores,
  totalTestId = "grand-total",
  discountCents = 0,
}: {
  delivery: DeliveryView;
  stores: { id: number; name: string }[];
  totalTestId?: string;
  /** What vouchers take off the goods (decision 034); the delivery was priced after them. */
  discountCents?: number;
}) {
  const t = useT();
  const locale = useLocale();
  const fx = useCnyRate();
  return (
    <div className="space-y-1 text-sm" data-testid="delivery-totals">
      <p className="flex justify-between gap-3">
        <span>{t("shipping.subtotalGoods")}</span>
        <Price cents={delivery.goodsCents + discountCents} currency="USD" />
      </p>
      {discountCents > 0 ? (
        <p className="flex justify-between gap-3 font-medium text-red-800" data-testid="voucher-discount">
          <span>{t("vouchers.discountTotal")}</span>
          <span>
            −<Price cents={discountCents} currency="USD" />
          </span>
        </p>
      ) : null}
      {delivery.stores.map((s) =>
        s.chosen ? (
          <p key={s.storeId} className="flex justify-between gap-3" data-testid="shipping-line">
            <span>
              {t("shipping.storeShipping", { store: stores.find((x) => x.id === s.storeId)?.name ?? "" })}
              <span className="block text-xs text-stone-600">
                {t(`shipping.method.${s.chosen.method}` as MessageKey)}
              </span>
            </span>
            {s.chosen.costCents === 0 ? (
              <span className="font-semibold">{t("shipping.free")}</span>
            ) : (
              <Price cents={s.chosen.costCents} currency="USD" />
            )}
          </p>
        ) : null,
      )}
      {delivery.tax.kind === "estimate" ? (
        <div data-testid="tax-line">
          <p className="flex justify-between gap-3">
            <span>{t("tax.line")}</span>
            <Price cents={delivery.taxCents} currency="USD" />
          </p>
          <p className="text-xs text-stone-600">{t("tax.note")}</p>
        </div>
      ) : null}
      {delivery.tax.kind === "refused" ? (
        <p role="alert" className="text-sm font-medium text-red-800" data-testid="tax-limit">
          {delivery.tax.error === "perTransactionLimit"
            ? t("tax.perTransactionLimit", { amount: formatFen(delivery.tax.dutiableFen, locale) })
            : t("tax.annualLimit", { amount: formatFen(delivery.tax.remainingFen, locale) })}
        </p>
      ) : null}
      <p
        className="flex justify-between gap-3 border-t border-stone-200 pt-2 text-base font-semibold"
        data-testid={totalTestId}
      >
        <span>{t("checkout.total")}</span>
        <Price cents={delivery.totalCents} currency="USD" />
      </p>
      <p className="text-xs text-stone-700" data-testid="charged-currency">
        {t("fx.charged", { amount: formatMoney(delivery.totalCents, "USD", locale) })}
        {locale === "zh" && fx
          ? ` ${t("fx.rateNote", { rate: (fx.rateMicros / 1_000_000).toFixed(4), time: formatDate(fx.asOf, locale) })}`
          : null}
      </p>
    </div>
  );
}

/**
 * An order's shipping per store and import tax, as charged (order pages for the shopper, the owner
 * and organizers): the lines above them plus these make the total.
 */
export function OrderChargeLines({ charges, currency }: { charges: OrderCharges; currency: string }) {
  const t = useT();
  const moneyText = useMoneyText();
  if (charges.shipping.length === 0 && !charges.tax) return null;
  return (
    <dl className="ml-auto grid max-w-md grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm" data-testid="order-charges">
      {charges.shipping.map((s) => (
        <div key={s.storeId} className="contents" data-testid={`order-shipping-${s.storeId}`}>
          <dt>
            {t("shipping.orderShipping", {
              method: t(`shipping.method.${s.method}` as MessageKey),
              store: s.storeName,
            })}
            <span className="block text-xs text-stone-600">
              <ArrivalText from={s.arriveFrom} to={s.arriveBy} />
            </span>
          </dt>
          <dd className="text-right">
            {s.costCents === 0 ? t("shipping.free") : <MoneyText cents={s.costCents} currency={currency} />}
            {s.refundedCents > 0 ? (
              <span className="block text-xs text-stone-700">
                {t("refund.refundedTotal", { amount: moneyText(s.refundedCents, currency) })}
              </span>
            ) : null}
          </dd>
        </div>
      ))}
      {charges.tax ? (
        <div className="contents" data-testid="order-tax">
          <dt>{t("tax.line")}</dt>
          <dd className="text-right">
            <MoneyText cents={charges.tax.cents} currency={currency} />
            {charges.tax.refundedCents > 0 ? (
              <span className="block text-xs text-stone-700">
                {t("refund.refundedTotal", { amount: moneyText(charges.tax.refundedCents, currency) })}
              </span>
            ) : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
