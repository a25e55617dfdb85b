import { Link } from "@remix-run/react";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { CardDeal } from "#app/models/pricing.server.ts";
import { formatMoney } from "#app/utils/money.ts";
import { Price } from "./price.tsx";

/** The price a shopper pays: the festival price with the regular one struck through while a deal is live. */
export function DealPrice({
  priceCents,
  currency,
  deal,
  size = "md",
}: {
  priceCents: number;
  currency: string;
  deal: Pick<CardDeal, "priceCents" | "percentOff"> | null;
  size?: "md" | "lg";
}) {
  const t = useT();
  const locale = useLocale();
  if (!deal) return <Price cents={priceCents} currency={currency} size={size} />;
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2" data-testid="deal-price">
      <span className="sr-only">{t("deal.festivalPrice")}</span>
      <Price cents={deal.priceCents} currency={currency} size={size} />
      <span className="sr-only">{t("deal.regularPrice")}</span>
      <s className="text-sm text-stone-600" data-testid="regular-price">
        {formatMoney(priceCents, currency, locale)}
      </s>
      <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">
        {t("deal.off", { percent: deal.percentOff })}
      </span>
    </span>
  );
}

/** The festival a deal belongs to, in its theme colour. */
export function FestivalBadge({
  festival,
  link = false,
}: {
  festival: { slug: string; name: string; color?: string };
  link?: boolean;
}) {
  const href = useHref();
  const className = "inline-block max-w-full truncate rounded px-2 py-0.5 text-xs font-semibold text-white";
  const style = { backgroundColor: festival.color ?? "#b91c1c" };
  return link ? (
    <Link
      to={href(`/festivals/${festival.slug}`)}
      className={`${className} hover:underline`}
      style={style}
      data-testid="festival-badge"
    >
      {festival.name}
    </Link>
  ) : (
    <span className={className} style={style} data-testid="festival-badge">
      {festival.name}
    </span>
  );
}

/**
 * Why a cart line is not all at the festival price, said plainly (never a silent price change): how
 * many units get the festival price and how many the regular one, and the limit per shopper (限购).
 */
export function DealSplitNote({
  line,
}: {
  line: {
    dealUnits: number;
    regularUnits: number;
    deal: { perShopperLimit: number | null; limitedBy: "cap" | "shopper" | null } | null;
  };
}) {
  const t = useT();
  const { deal } = line;
  if (!deal || deal.limitedBy === null) return null;
  const limit = deal.perShopperLimit;
  return (
    <p className="text-xs font-medium text-amber-900" data-testid="deal-split">
      {line.dealUnits > 0
        ? t("deal.split", { deal: line.dealUnits, regular: line.regularUnits })
        : limit !== null && deal.limitedBy === "shopper"
          ? t("deal.limitUsed", { count: limit })
          : null}
      {line.dealUnits > 0 && deal.limitedBy === "shopper" && limit !== null ? (
        <span className="block">{t("deal.perShopperLimit", { limit })}</span>
      ) : null}
    </p>
  );
}
