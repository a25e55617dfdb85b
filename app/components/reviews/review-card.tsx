import { useLocale, useT } from "#app/i18n/use-locale.ts";
import { formatDate } from "#app/utils/datetime.ts";
import { imageSources } from "#app/utils/images.ts";
import { RatingStars } from "../rating-stars.tsx";

export interface ReviewView {
  id: number;
  rating: number;
  body: string;
  locale: "en" | "zh" | "fr";
  photos: string[];
  createdAt: string;
  reviewer: string | null;
  reply: string | null;
  replyAt: string | null;
}

/** One review as shoppers read it: stars, who (masked) and when, the text, photos, the store's reply. */
export function ReviewCard({ review, storeName }: { review: ReviewView; storeName?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="border-b border-stone-200 py-4 last:border-b-0" data-testid="review" lang={review.locale}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <RatingStars value={review.rating} />
        <span className="text-sm font-medium text-stone-800" lang={locale}>
          {review.reviewer ?? t("reviews.anonymous")}
        </span>
        <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs font-medium text-green-800" lang={locale}>
          {t("reviews.verified")}
        </span>
        <time dateTime={review.createdAt} className="text-xs text-stone-600" lang={locale}>
          {formatDate(review.createdAt, locale)}
        </time>
      </div>
      <p className="mt-2 break-words whitespace-pre-line text-stone-800">{review.body}</p>
      {review.photos.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-2" role="list">
          {review.photos.map((url, i) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noreferrer">
                <img
                  {...imageSources(url)}
                  sizes="96px"
                  alt={t("reviews.photoAlt", { n: i + 1 })}
                  width={96}
                  height={96}
                  loading="lazy"
                  className="h-24 w-24 rounded-md border border-stone-200 object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {review.reply ? (
        <div className="border-clay-300 mt-3 rounded-md border-l-4 bg-clay-50 p-3 text-sm" data-testid="review-reply">
          <p className="font-medium text-clay-900" lang={locale}>
            {storeName ? t("reviews.replyFrom", { store: storeName }) : t("reviews.ownerReply")}
          </p>
          <p className="mt-1 break-words whitespace-pre-line text-stone-800">{review.reply}</p>
        </div>
      ) : null}
    </article>
  );
}
