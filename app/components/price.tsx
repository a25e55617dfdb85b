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

/**
 * A formatter for amounts inside running text (refunds, totals in sentences): on Chinese pages
 * "¥134.55（US$18.90）", yuan first and the US dollars charged beside it; elsewhere the amount as
 * charged.
 */
export function useMoneyText(): (cents: number, currency: string) => string {
  const locale = useLocale();
  const fx = useCnyRate();
  return (cents, currency) =>
    locale === "zh" && currency === "USD" && fx
      ? `${formatCny(cents, fx.rateMicros, locale)}（${formatMoney(cents, currency, locale)}）`
      : formatMoney(cents, currency, locale);
}

/**
 * An amount in a table cell or list (cart lines, order lines, order lists): on Chinese pages yuan
 * first (testid price-cny) with the US dollar amount second, smaller; elsewhere as charged. Unlike
 * Price it takes its surroundings' weight and size, and can sit inside <s>.
 */
export function MoneyText({
  cents,
  currency,
  className,
  stacked = false,
}: {
  cents: number;
  currency: string;
  className?: string;
  /** The US dollar amount under the yuan, right-aligned (a narrow column beside a title). */
  stacked?: boolean;
}) {
  const locale = useLocale();
  const fx = useCnyRate();
  if (locale === "zh" && currency === "USD" && fx)
    return (
      <span
        className={`${stacked ? "inline-flex flex-col items-end" : "inline-flex flex-wrap items-baseline justify-end gap-x-1.5"} ${className ?? ""}`}
      >
        <span data-testid="price-cny">{formatCny(cents, fx.rateMicros, locale)}</span>
        <span className="text-[0.85em] font-normal text-stone-600" data-testid="price-usd">
          {formatMoney(cents, currency, locale)}
        </span>
      </span>
    );
  // Elsewhere plain text, as formatMoney gave before (no wrapper unless asked for a class).
  return className ? (
    <span className={className}>{formatMoney(cents, currency, locale)}</span>
  ) : (
    <>{formatMoney(cents, currency, locale)}</>
  );
}
