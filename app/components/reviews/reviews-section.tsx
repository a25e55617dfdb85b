import { useLocale, useT } from "#app/i18n/use-locale.ts";
import { LOCALE_INFO } from "#app/i18n/locales.ts";
import type { Pagination as PaginationData } from "#app/utils/params.ts";
import { Pagination } from "../pagination.tsx";
import { RatingStars } from "../rating-stars.tsx";
import { ReviewCard, type ReviewView } from "./review-card.tsx";
import { numberFormat } from "#app/utils/intl.ts";

/**
 * The product page's reviews: the average, a bar per star count, then the reviews (newest first,
 * ten a page). Only buyers of a shipped order can write one, from their order page; this says so.
 */
export function ReviewsSection({
  rating,
  reviews,
  storeName,
}: {
  rating: { average: number; count: number } | null;
  reviews: { items: ReviewView[]; pagination: PaginationData; distribution: number[] };
  storeName: string;
}) {
  const t = useT();
  const locale = useLocale();
  const number = numberFormat(LOCALE_INFO[locale].intl, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const total = reviews.distribution.reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="reviews-heading" id="reviews" className="mt-12 scroll-mt-20" data-testid="reviews">
      <h2 id="reviews-heading" className="mb-4 text-xl font-bold text-clay-900">
        {t("reviews.heading")}
        {rating ? <span className="ml-2 text-base font-medium text-stone-600">({rating.count})</span> : null}
      </h2>
      {rating ? (
        <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
          <div className="rounded-lg border border-stone-200 bg-white p-4 md:self-start">
            <p className="flex items-baseline gap-2">
              <span className="text-4xl font-bold text-clay-900" data-testid="rating-average">
                {number.format(rating.average)}
              </span>
              <span className="text-sm text-stone-600">/ 5</span>
            </p>
            <RatingStars value={rating.average} size={20} />
            <p className="mt-1 text-sm text-stone-700">{t("reviews.count", { count: rating.count })}</p>
            <ul className="mt-3 space-y-1" role="list" aria-label={t("reviews.breakdown")}>
              {[5, 4, 3, 2, 1].map((stars) => {
                const n = reviews.distribution[stars - 1] ?? 0;
                return (
                  <li key={stars} className="flex items-center gap-2 text-xs text-stone-700">
                    <span className="w-10 shrink-0">{t("reviews.nStars", { count: stars })}</span>
                    <span className="h-2 flex-1 overflow-hidden rounded bg-stone-200" aria-hidden="true">
                      <span
                        className="block h-full bg-amber-500"
                        style={{ width: `${total ? Math.round((n / total) * 100) : 0}%` }}
                      />
                    </span>
                    <span className="w-8 shrink-0 text-right">{n}</span>
                  </li>
                );
              })}
            </ul>
            <p className="mt-3 text-xs text-stone-600">{t("reviews.onlyBuyers")}</p>
          </div>
          <div className="min-w-0 rounded-lg border border-stone-200 bg-white px-4">
            {reviews.items.map((review) => (
              <ReviewCard key={review.id} review={review} storeName={storeName} />
            ))}
            <Pagination pagination={reviews.pagination} />
          </div>
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-700">
          {t("reviews.none")} {t("reviews.onlyBuyers")}
        </p>
      )}
    </section>
  );
}

/** Under the title: "★★★★½ 4.6 · 23 reviews · 150 sold" (the count links to the reviews). */
export function ProductRatingLine({
  rating,
  sold,
}: {
  rating: { average: number; count: number } | null;
  sold: number;
}) {
  const t = useT();
  const locale = useLocale();
  const number = numberFormat(LOCALE_INFO[locale].intl, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  if (!rating && sold === 0) return null;
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-700" data-testid="rating-line">
      {rating ? (
        <>
          <RatingStars value={rating.average} />
          <span className="font-medium text-stone-900">{number.format(rating.average)}</span>
          <a href="#reviews" className="text-clay-700 underline">
            {t("reviews.count", { count: rating.count })}
          </a>
        </>
      ) : null}
      {rating && sold > 0 ? <span aria-hidden="true">·</span> : null}
      {sold > 0 ? <span data-testid="sold-count">{t("reviews.sold", { count: sold })}</span> : null}
    </p>
  );
}
