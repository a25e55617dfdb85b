import { Link } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { buttonClass } from "../ui/button.tsx";
import { RatingStars } from "../rating-stars.tsx";

export interface OrderReviewLine {
  lineId: number;
  productSlug: string;
  title: string;
  shipped: boolean;
  review: { id: number; rating: number; status: "visible" | "hidden" } | null;
}

/**
 * On the shopper's order page: each shipped line with "Write a review", or the stars already given.
 * Lines not shipped yet say they can be reviewed once shipped. Signed-in buyers only (decision 028).
 */
export function OrderReviews({ lines }: { lines: OrderReviewLine[] }) {
  const t = useT();
  const href = useHref();
  if (lines.length === 0) return null;
  return (
    <section
      aria-labelledby="order-reviews-heading"
      className="mt-8 rounded-lg border border-stone-200 bg-white p-4"
      data-testid="order-reviews"
    >
      <h2 id="order-reviews-heading" className="font-semibold text-clay-900">
        {t("reviews.orderHeading")}
      </h2>
      <ul className="mt-2 divide-y divide-stone-200" role="list">
        {lines.map((line) => (
          <li key={line.lineId} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <Link
              to={href(`/products/${line.productSlug}`)}
              className="min-w-0 flex-1 text-sm text-stone-900 underline"
            >
              {line.title}
            </Link>
            {line.review ? (
              <span className="flex items-center gap-2 text-sm text-stone-700" data-testid="line-reviewed">
                <RatingStars value={line.review.rating} />
                {line.review.status === "hidden" ? t("reviews.yoursHidden") : t("reviews.yours")}
              </span>
            ) : line.shipped ? (
              <Link
                to={href(`/account/reviews/${line.lineId}`)}
                className={buttonClass({ variant: "secondary", size: "sm" })}
                data-testid="write-review"
              >
                {t("reviews.write")}
              </Link>
            ) : (
              <span className="text-xs text-stone-600">{t("reviews.afterShipping")}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
