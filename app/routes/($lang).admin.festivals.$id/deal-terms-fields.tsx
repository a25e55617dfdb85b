import { useT } from "#app/i18n/use-locale.ts";

/** Percentage off or a fixed festival price (US dollars), an optional deal stock cap and an optional limit per shopper. */
export function DealTermsFields({
  idPrefix,
  mode,
  percent,
  priceCents,
  dealStock,
  perShopperLimit,
}: {
  idPrefix: string;
  mode: "percent" | "price";
  percent: number | null;
  priceCents: number | null;
  dealStock: number | null;
  perShopperLimit: number | null;
}) {
  const t = useT();
  return (
    <>
      <label htmlFor={`${idPrefix}-mode`} className="sr-only">
        {t("admin.terms")}
      </label>
      <select
        id={`${idPrefix}-mode`}
        name="mode"
        defaultValue={mode}
        className="rounded border border-stone-300 px-1 py-1 text-xs"
      >
        <option value="percent">{t("admin.percentOff")}</option>
        <option value="price">{t("admin.fixedPrice")}</option>
      </select>
      <label htmlFor={`${idPrefix}-percent`} className="sr-only">
        {t("admin.percentOff")}
      </label>
      <input
        id={`${idPrefix}-percent`}
        name="percent"
        type="number"
        min={1}
        max={90}
        defaultValue={percent ?? ""}
        className="w-14 rounded border border-stone-300 px-1 py-1 text-xs"
        placeholder="%"
      />
      <label htmlFor={`${idPrefix}-price`} className="sr-only">
        {t("admin.fixedPrice")}
      </label>
      <input
        id={`${idPrefix}-price`}
        name="price"
        inputMode="decimal"
        defaultValue={priceCents !== null ? (priceCents / 100).toFixed(2) : ""}
        className="w-20 rounded border border-stone-300 px-1 py-1 text-xs"
        placeholder="$"
      />
      <label htmlFor={`${idPrefix}-cap`} className="sr-only">
        {t("admin.dealStock")}
      </label>
      <input
        id={`${idPrefix}-cap`}
        name="dealStock"
        inputMode="numeric"
        defaultValue={dealStock ?? ""}
        className="w-16 rounded border border-stone-300 px-1 py-1 text-xs"
        placeholder={t("admin.capPlaceholder")}
      />
      <label htmlFor={`${idPrefix}-limit`} className="sr-only">
        {t("admin.perShopperLimit")}
      </label>
      <input
        id={`${idPrefix}-limit`}
        name="perShopperLimit"
        inputMode="numeric"
        defaultValue={perShopperLimit ?? ""}
        className="w-20 rounded border border-stone-300 px-1 py-1 text-xs"
        placeholder={t("admin.limitPlaceholder")}
      />
    </>
  );
}
