import { Form, useNavigation } from "@remix-run/react";
import { useT } from "#app/i18n/use-locale.ts";
import { MAX_REVIEW_PHOTOS, REVIEW_MAX_LENGTH, REVIEW_MIN_LENGTH } from "#app/utils/reviews.ts";
import { Button } from "../ui/button.tsx";
import { Textarea } from "../ui/input.tsx";

/**
 * The buyer's review form: five radio buttons drawn as stars (keyboard and screen readers get plain
 * radios), the text, up to three photos. A plain multipart POST: it works without JavaScript.
 */
export function ReviewForm({ defaults }: { defaults?: { rating?: number; body?: string } }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-5" data-testid="review-form">
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">{t("reviews.yourRating")}</legend>
        <div className="mt-2 flex flex-row-reverse justify-end gap-1" data-testid="star-input">
          {[5, 4, 3, 2, 1].map((stars) => (
            <label key={stars} className="group cursor-pointer">
              <input
                type="radio"
                name="rating"
                value={stars}
                required
                defaultChecked={defaults?.rating === stars}
                className="peer sr-only"
              />
              <span className="sr-only">{t("reviews.nStars", { count: stars })}</span>
              <span
                aria-hidden="true"
                className="block rounded px-0.5 text-3xl leading-none text-stone-300 peer-checked:text-amber-500 peer-focus-visible:ring-2 peer-focus-visible:ring-clay-600"
              >
                ★
              </span>
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-stone-600">{t("reviews.ratingHint")}</p>
      </fieldset>
      <div>
        <label htmlFor="review-body" className="block text-sm font-medium text-stone-800">
          {t("reviews.yourReview")}
        </label>
        <Textarea
          id="review-body"
          name="body"
          rows={6}
          required
          minLength={REVIEW_MIN_LENGTH}
          maxLength={REVIEW_MAX_LENGTH}
          defaultValue={defaults?.body ?? ""}
          className="mt-1 w-full"
          aria-describedby="review-body-hint"
        />
        <p id="review-body-hint" className="mt-1 text-xs text-stone-600">
          {t("reviews.bodyHint", { min: REVIEW_MIN_LENGTH, max: REVIEW_MAX_LENGTH })}
        </p>
      </div>
      <div>
        <label htmlFor="review-photos" className="block text-sm font-medium text-stone-800">
          {t("reviews.photos")}
        </label>
        <input
          id="review-photos"
          name="photos"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          className="mt-1 block w-full text-sm"
          aria-describedby="review-photos-hint"
        />
        <p id="review-photos-hint" className="mt-1 text-xs text-stone-600">
          {t("reviews.photosHint", { count: MAX_REVIEW_PHOTOS })}
        </p>
      </div>
      <Button type="submit" pending={busy} data-testid="submit-review">
        {t("reviews.submit")}
      </Button>
    </Form>
  );
}
