import { useLocale, useT } from "#app/i18n/use-locale.ts";
import { approximateLocalPrice, formatMoney } from "#app/utils/money.ts";

/** A USD price in the reader's format, with the approximate CNY / EUR amount on zh / fr pages. */
export function Price({ cents, currency, size = "md" }: { cents: number; currency: string; size?: "md" | "lg" }) {
  const locale = useLocale();
  const t = useT();
  const approx = approximateLocalPrice(cents, currency, locale);
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <span
        className={size === "lg" ? "text-2xl font-bold text-clay-900" : "font-semibold text-clay-900"}
        data-testid="price"
      >
        {formatMoney(cents, currency, locale)}
      </span>
      {approx ? (
        <span className="text-sm text-stone-600" title={t("product.approxTitle")}>
          {t("product.approx", { amount: approx })}
        </span>
      ) : null}
    </span>
  );
}
