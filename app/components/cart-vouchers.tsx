import { Form, Link, useLocation } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { CartVouchers } from "#app/models/vouchers/cart.server.ts";
import { Price } from "./price.tsx";
import { useVoucherRule } from "./voucher-claim.tsx";

/**
 * The cart's and checkout's vouchers (decision 034): what applies — each store voucher and the
 * festival voucher with what it takes off — and a form to choose others (a select per store with
 * vouchers, one for the festival; "best for me" by default). Works without JavaScript.
 */
export function CartVouchersPanel({
  vouchers,
  stores,
  back,
}: {
  /** Absent where a page renders the cart without them (its loader always sends them). */
  vouchers: CartVouchers | undefined;
  stores: { id: number; name: string }[];
  back: "cart" | "checkout";
}) {
  const t = useT();
  const href = useHref();
  const location = useLocation();
  const rule = useVoucherRule();
  const nameOf = (id: number | null) => stores.find((s) => s.id === id)?.name ?? "";
  if (!vouchers) return null;
  if (!vouchers.signedIn)
    return (
      <p className="text-sm text-stone-700" data-testid="cart-vouchers">
        <Link
          to={`${href("/login")}?${new URLSearchParams({ redirectTo: location.pathname })}`}
          className="text-clay-700 underline"
          rel="nofollow"
        >
          {t("vouchers.signInToUse")}
        </Link>
      </p>
    );
  const choosable = vouchers.stores.filter((s) => s.options.length > 0);
  const anyChoice = choosable.length > 0 || vouchers.festival.options.length > 0;
  const chose = vouchers.stores.some((s) => s.fixed !== "auto") || vouchers.festival.fixed !== "auto";
  const selectClass = "mt-1 block min-h-10 w-full rounded-md border border-stone-300 bg-white px-2 text-sm";
  return (
    <div className="space-y-2 text-sm" data-testid="cart-vouchers">
      <h3 className="font-semibold text-clay-900">{t("vouchers.cartHeading")}</h3>
      {vouchers.applied.length > 0 ? (
        <>
          <ul className="space-y-1">
            {vouchers.applied.map((a) => (
              <li
                key={a.voucherId}
                className="flex justify-between gap-3 text-red-800"
                data-testid={a.scope === "store" ? "applied-store-voucher" : "applied-festival-voucher"}
              >
                <span>
                  {a.scope === "store"
                    ? t("vouchers.appliedStore", { store: nameOf(a.storeId), rule: rule(a.rule) })
                    : t("vouchers.appliedFestival", { festival: a.ownerName, rule: rule(a.rule) })}
                </span>
                <span className="shrink-0 font-semibold">
                  −<Price cents={a.discountCents} currency="USD" />
                </span>
              </li>
            ))}
          </ul>
          <p className="text-xs text-stone-600">{chose ? t("vouchers.choiceApplied") : t("vouchers.bestApplied")}</p>
        </>
      ) : (
        <p className="text-stone-700">{t("vouchers.noneUsable")}</p>
      )}
      {anyChoice || chose ? (
        <details className="rounded-md border border-stone-200 p-2" open={chose || undefined}>
          <summary className="text-clay-800 cursor-pointer font-medium">{t("vouchers.change")}</summary>
          <Form method="post" action={href("/cart/vouchers")} className="mt-2 space-y-2" data-testid="voucher-choice">
            <input type="hidden" name="back" value={back} />
            {vouchers.stores.map((s) => (
              <input key={`k${s.storeId}`} type="hidden" name="stores" value={s.storeId} />
            ))}
            {choosable.map((s) => (
              <label key={s.storeId} className="block">
                <span className="text-xs text-stone-700">
                  {t("vouchers.storeSelect", { store: nameOf(s.storeId) })}
                </span>
                <select name={`store-${s.storeId}`} defaultValue={String(s.fixed)} className={selectClass}>
                  <option value="auto">{t("vouchers.optionAuto")}</option>
                  <option value="none">{t("vouchers.optionNone")}</option>
                  {s.options.map((o) => (
                    <option key={o.voucherId} value={o.voucherId}>
                      {rule(o.rule)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {vouchers.festival.options.length > 0 ? (
              <label className="block">
                <span className="text-xs text-stone-700">{t("vouchers.festivalSelect")}</span>
                <select name="festival" defaultValue={String(vouchers.festival.fixed)} className={selectClass}>
                  <option value="auto">{t("vouchers.optionAuto")}</option>
                  <option value="none">{t("vouchers.optionNone")}</option>
                  {vouchers.festival.options.map((o) => (
                    <option key={o.voucherId} value={o.voucherId}>
                      {o.festivalName} · {rule(o.rule)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <button
              type="submit"
              className="text-clay-800 min-h-10 w-full rounded-md border border-clay-700 px-3 font-medium hover:bg-clay-50"
            >
              {t("vouchers.apply")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
