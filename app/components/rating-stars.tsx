import { useLocale, useT } from "#app/i18n/use-locale.ts";
import { LOCALE_INFO } from "#app/i18n/locales.ts";
import { numberFormat } from "#app/utils/intl.ts";

const STAR = "M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z";

/** Five stars filled to `value` (0–5, halves and tenths too); the number is read out, not the drawing. */
export function RatingStars({ value, size = 16, label }: { value: number; size?: number; label?: string }) {
  const t = useT();
  const locale = useLocale();
  const shown = numberFormat(LOCALE_INFO[locale].intl, { maximumFractionDigits: 1 }).format(value);
  return (
    <span
      role="img"
      aria-label={label ?? t("reviews.starsLabel", { value: shown })}
      className="inline-flex shrink-0 items-center"
      data-rating={value}
    >
      {[0, 1, 2, 3, 4].map((i) => {
        const fill = Math.max(0, Math.min(1, value - i));
        const id = `star-${i}-${Math.round(value * 10)}`;
        return (
          <svg key={i} width={size} height={size} viewBox="0 0 20 20" aria-hidden="true">
            <defs>
              <linearGradient id={id}>
                <stop offset={`${fill * 100}%`} stopColor="#d97706" />
                <stop offset={`${fill * 100}%`} stopColor="#e7e5e4" />
              </linearGradient>
            </defs>
            <path d={STAR} fill={`url(#${id})`} stroke="#b45309" strokeWidth="0.6" />
          </svg>
        );
      })}
    </span>
  );
}

/** "★★★★☆ 4.6 (23)": a product's rating on cards and search results; nothing without reviews. */
export function RatingBadge({ rating }: { rating: { average: number; count: number } | null | undefined }) {
  const t = useT();
  const locale = useLocale();
  if (!rating) return null;
  const average = numberFormat(LOCALE_INFO[locale].intl, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rating.average);
  return (
    <span className="flex items-center gap-1 text-xs text-stone-700" data-testid="rating-badge">
      <RatingStars value={rating.average} size={13} />
      <span aria-hidden="true" className="font-medium text-stone-800">
        {average}
      </span>
      <span className="sr-only">{t("reviews.summary", { average, count: rating.count })}</span>
      <span aria-hidden="true">({rating.count})</span>
    </span>
  );
}
