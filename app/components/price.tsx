import { useRouteLoaderData } from "@remix-run/react";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import { approximateLocalPrice, formatCny, formatMoney } from "#app/utils/money.ts";

/** The USD → CNY rate the root loader read once for this request (decision 025). */
export function useCnyRate(): { rateMicros: number; asOf: string } | null {
  return useRouteLoaderData<{ fx?: { rateMicros: number; asOf: string } }>("root")?.fx ?? null;
}

/**
 * A USD price in the reader's format. Chinese pages lead with yuan at the organizers' rate and
 * show the US dollar amount (what is charged) second; French pages add an approximate EUR amount.
 */
export function Price({ cents, currency, size = "md" }: { cents: number; currency: string; size?: "md" | "lg" }) {
  const locale = useLocale();
  const t = useT();
  const fx = useCnyRate();
  const strong = size === "lg" ? "text-2xl font-bold text-clay-900" : "font-semibold text-clay-900";
  if (locale === "zh" && currency === "USD" && fx) {
    return (
      <span className="inline-flex flex-wrap items-baseline gap-x-2">
        <span className={strong} data-testid="price-cny">
          {formatCny(cents, fx.rateMicros, locale)}
        </span>
        <span className="text-sm text-stone-600" data-testid="price">
          {formatMoney(cents, currency, locale)}
        </span>
      </span>
    );
  }
  const approx = approximateLocalPrice(cents, currency, locale);
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <span className={strong} data-testid="price">
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
