import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { ReviewCard, type ReviewView } from "./review-card.tsx";

export interface StaffReviewView extends ReviewView {
  status: "visible" | "hidden";
  hiddenReason: string | null;
  product: { slug: string; title: string };
  storeName: string;
}

/** A review in the owner's and organizers' lists: which product, the review, its state, then `children` (the forms). */
export function StaffReview({ review, children }: { review: StaffReviewView; children?: ReactNode }) {
  const t = useT();
  const href = useHref();
  return (
    <li
      className="rounded-lg border border-stone-200 bg-white px-4 pt-3"
      data-testid="staff-review"
      data-review-id={review.id}
    >
      <p className="text-sm">
        <Link to={href(`/products/${review.product.slug}`)} className="font-medium text-clay-700 underline">
          {review.product.title}
        </Link>
        <span className="text-stone-600"> · {review.storeName}</span>
      </p>
      {review.status === "hidden" ? (
        <p className="mt-2 rounded bg-stone-100 px-2 py-1 text-xs text-stone-800" data-testid="hidden-note">
          {t("reviews.hiddenBecause", { reason: review.hiddenReason ?? "" })}
        </p>
      ) : null}
      <ReviewCard review={review} storeName={review.storeName} />
      {children ? <div className="border-t border-stone-200 py-3">{children}</div> : null}
    </li>
  );
}
